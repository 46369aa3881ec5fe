package org.safegate.tlog;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * That one event is in the log: what {@code safegate audit prove} writes and every receipt
 * carries. Hashes are lower-case hex; {@code canonical} is the event's canonical bytes in base64,
 * so the holder can read what was recorded and hash it themselves; {@code checkpoint} is the signed
 * note of the tree the path leads to.
 *
 * @param transfer   the transfer the event is about ({@code null} for other events)
 * @param leafIndex  the event's place in the tree (its sequence number minus one)
 * @param treeSize   the size of the tree the proof is against
 * @param leafHash   SHA-256(0x00 || canonical)
 * @param path       the audit path, from the leaf's sibling up (RFC 9162 section 2.1.3.1)
 * @param rootHash   the tree's root
 * @param canonical  the event's canonical bytes, base64
 * @param checkpoint the signed checkpoint of {@code treeSize} leaves
 */
public record InclusionProof(String transfer, long leafIndex, long treeSize, String leafHash, List<String> path,
                             String rootHash, String canonical, String checkpoint) {

    public InclusionProof {
        path = List.copyOf(path);
    }

    /** Empty when the proof holds and its checkpoint is signed by {@code keys}; otherwise what is wrong. */
    public Optional<String> problem(NoteKeys keys) {
        byte[] leaf;
        byte[] root;
        List<byte[]> hashes;
        byte[] bytes;
        try {
            leaf = TreeHashes.fromHex(leafHash);
            root = TreeHashes.fromHex(rootHash);
            hashes = path.stream().map(TreeHashes::fromHex).toList();
            bytes = Base64.getDecoder().decode(canonical);
        } catch (IllegalArgumentException e) {
            return Optional.of("the proof cannot be read: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(TreeHashes.leaf(bytes), leaf)) {
            return Optional.of("leafHash is not the hash of the canonical event");
        }
        if (!ProofCheck.inclusion(leafIndex, treeSize, leaf, hashes, root)) {
            return Optional.of("the path does not lead from the event to rootHash");
        }
        CheckedNote note = CheckedNote.of(checkpoint, keys);
        if (note.head() == null) {
            return Optional.of("the checkpoint cannot be read: " + note.problem());
        }
        if (!note.isValid()) {
            return Optional.of(note.check() == NoteKey.Check.OTHER_KEY
                    ? "the checkpoint is signed by a different key than the audit certificate's"
                    : "the checkpoint's signature does not verify");
        }
        if (note.head().size() != treeSize || !MessageDigest.isEqual(note.head().root(), root)) {
            return Optional.of("the checkpoint signs another tree than treeSize and rootHash");
        }
        return Optional.empty();
    }

    /** The tree head the proof's checkpoint states (not checked: see {@link #problem}). */
    public TreeHead head() {
        return TreeHead.parse(SignedNote.parse(checkpoint).text());
    }
}
