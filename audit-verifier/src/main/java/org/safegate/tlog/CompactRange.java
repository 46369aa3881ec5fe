package org.safegate.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of the complete subtrees that make up its leaves,
 * largest (leftmost) first, one per bit set in the tree size. It is all that is needed to append
 * leaves and to compute the root, so a writer keeps this (a few dozen hashes) instead of the tree,
 * and a verifier walks a log of any length in constant memory.
 */
public final class CompactRange {
    private long size;
    private final List<byte[]> roots;

    /** Told each interior node the moment its subtree becomes complete. */
    public interface CompletedNodes {
        CompletedNodes NONE = (level, index, hash) -> { };

        /** The subtree of {@code 2^level} leaves starting at leaf {@code index << level} now has {@code hash}. */
        void completed(int level, long index, byte[] hash);
    }

    public CompactRange() {
        this(0, List.of());
    }

    /** The edge of a tree of {@code size} leaves, as {@link #roots()} gave it. */
    public CompactRange(long size, List<byte[]> roots) {
        if (size < 0 || Long.bitCount(size) != roots.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " complete subtrees on its edge, not " + roots.size());
        }
        this.size = size;
        this.roots = new ArrayList<>(roots);
    }

    /** The edge of the tree of {@code size} leaves, from the hashes of its complete subtrees. */
    public static CompactRange of(long size, Subtrees subtrees) {
        List<byte[]> roots = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if (((size >>> level) & 1) == 1) {
                roots.add(subtrees.hash(start, level));
                start += 1L << level;
            }
        }
        return new CompactRange(size, roots);
    }

    /** The root of the complete subtree at {@code start} and {@code level} when it is one of this edge's, else null. */
    public byte[] subtree(long start, int level) {
        long at = 0;
        for (byte[] root : roots) {
            int height = 63 - Long.numberOfLeadingZeros(size - at);
            if (at == start && height == level) {
                return root;
            }
            at += 1L << height;
        }
        return null;
    }

    public long size() {
        return size;
    }

    /** The subtree roots, largest first. */
    public List<byte[]> roots() {
        return List.copyOf(roots);
    }

    public void append(byte[] leafHash) {
        append(leafHash, CompletedNodes.NONE);
    }

    /** Appends a leaf (already hashed with {@link TreeHashes#leaf}); tells {@code completed} of every node it closes. */
    public void append(byte[] leafHash, CompletedNodes completed) {
        byte[] hash = leafHash;
        int level = 0;
        // each set low bit of the size is a complete subtree of that height waiting for a right sibling
        while (((size >>> level) & 1) == 1) {
            hash = TreeHashes.node(roots.remove(roots.size() - 1), hash);
            level++;
            completed.completed(level, size >>> level, hash);
        }
        roots.add(hash);
        size++;
    }

    /** The tree's root hash (RFC 9162 MTH): the subtree roots folded from the right. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return TreeHashes.emptyRoot();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = TreeHashes.node(roots.get(i), root);
        }
        return root;
    }

    public CompactRange copy() {
        return new CompactRange(size, roots);
    }
}
