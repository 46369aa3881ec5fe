package org.safegate.tlog;

/**
 * A stored checkpoint note, read and checked against the audit key.
 *
 * @param head    the tree head it states, or {@code null} when the note could not be read
 * @param check   what its signatures say
 * @param problem why it could not be read, or {@code null}
 */
public record CheckedNote(TreeHead head, NoteKey.Check check, String problem) {

    /** Reads and checks a note; a malformed note is reported, never thrown. */
    public static CheckedNote of(String note, NoteKeys keys) {
        try {
            SignedNote signed = SignedNote.parse(note);
            TreeHead head = TreeHead.parse(signed.text());
            return new CheckedNote(head, keys.forOrigin(head.origin()).check(signed), null);
        } catch (IllegalArgumentException e) {
            return new CheckedNote(null, NoteKey.Check.BAD_SIGNATURE, e.getMessage());
        }
    }

    public boolean isValid() {
        return check == NoteKey.Check.VALID;
    }
}
