package org.safegate.tlog;

import java.util.List;
import java.util.Optional;

/**
 * That the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves: nothing signed
 * earlier was changed or dropped, only leaves were added. The gateway writes one beside each
 * checkpoint it hands an agency ({@code <to>.consistency.json}, from the checkpoint handed before),
 * so an agency can check the log only grew without seeing a single event.
 *
 * @param from  the size of the earlier tree
 * @param to    the size of the later tree
 * @param proof the RFC 9162 section 2.1.4 consistency proof, hex
 */
public record ConsistencyProof(long from, long to, List<String> proof) {

    public ConsistencyProof {
        proof = List.copyOf(proof);
    }

    /** Empty when {@code earlier} and {@code later} are the trees this proof names and it holds. */
    public Optional<String> problem(TreeHead earlier, TreeHead later) {
        if (earlier.size() != from || later.size() != to) {
            return Optional.of("the proof is from " + from + " to " + to + " events, the checkpoints are of "
                    + earlier.size() + " and " + later.size());
        }
        List<byte[]> hashes;
        try {
            hashes = proof.stream().map(TreeHashes::fromHex).toList();
        } catch (IllegalArgumentException e) {
            return Optional.of("the proof cannot be read: " + e.getMessage());
        }
        if (!ProofCheck.consistency(from, to, earlier.root(), later.root(), hashes)) {
            return Optional.of("the tree of " + to + " events does not extend the tree of " + from
                    + ": the log was rewritten (forked) between them");
        }
        return Optional.empty();
    }
}
