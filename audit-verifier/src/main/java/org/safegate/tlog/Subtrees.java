package org.safegate.tlog;

/** Where proofs get the hashes of complete subtrees from: a store, or what a writer has in memory. */
@FunctionalInterface
public interface Subtrees {

    /** The hash of the complete subtree of {@code 2^level} leaves starting at leaf {@code start}. */
    byte[] hash(long start, int level);
}
