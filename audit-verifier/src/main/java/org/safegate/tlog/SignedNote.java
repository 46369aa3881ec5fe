package org.safegate.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one line per signature,
 * {@code — <key name> <base64(4-byte key id || signature)>}. The signature covers the text's UTF-8
 * bytes, final newline included.
 */
public record SignedNote(String text, List<Signature> signatures) {
    private static final String DASH = "\u2014 ";

    /** One signature line: the key's name, its 4-byte id, and the signature proper. */
    public record Signature(String keyName, int keyId, byte[] signature) {
        public Signature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        String line() {
            byte[] blob = new byte[4 + signature.length];
            blob[0] = (byte) (keyId >>> 24);
            blob[1] = (byte) (keyId >>> 16);
            blob[2] = (byte) (keyId >>> 8);
            blob[3] = (byte) keyId;
            System.arraycopy(signature, 0, blob, 4, signature.length);
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    public SignedNote {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends with a newline");
        }
        signatures = List.copyOf(signatures);
    }

    public byte[] signedBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The note as it is written to a file or a receipt. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /** Reads a note; a malformed one is an {@link IllegalArgumentException} saying what is wrong. */
    public static SignedNote parse(String note) {
        if (note.chars().anyMatch(c -> c < ' ' && c != '\n')) {
            throw new IllegalArgumentException("a signed note has no control characters other than newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        List<Signature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            signatures.add(signature(line));
        }
        return new SignedNote(text, signatures);
    }

    private static Signature signature(String line) {
        int space = line.indexOf(' ', DASH.length());
        if (!line.startsWith(DASH) || space < 0) {
            throw new IllegalArgumentException("a signature line is '\u2014 <key name> <base64>', not '" + line + "'");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature of " + line.substring(DASH.length(), space)
                    + " is not base64");
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("a signature is a 4-byte key id and the signature proper");
        }
        int keyId = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new Signature(line.substring(DASH.length(), space), keyId,
                java.util.Arrays.copyOfRange(blob, 4, blob.length));
    }
}
