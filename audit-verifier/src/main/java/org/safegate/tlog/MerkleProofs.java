package org.safegate.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Root hashes, inclusion proofs and consistency proofs of RFC 9162 section 2.1, computed from the
 * hashes of complete subtrees. The recursions are the RFC's own (MTH, PATH, SUBPROOF), so a reader
 * can hold them side by side; each asks {@link Subtrees} only for subtrees that are complete at the
 * tree size in question, never for a leaf's neighbourhood beyond it.
 */
public final class MerkleProofs {
    private final Subtrees subtrees;

    public MerkleProofs(Subtrees subtrees) {
        this.subtrees = subtrees;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        return size == 0 ? TreeHashes.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[0:size]): the audit path of one leaf, from the leaf's sibling up. */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[0:second]): that the tree of {@code first} leaves is a prefix of the one of {@code second}. */
    public List<byte[]> consistency(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long lo, long hi, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, lo, lo + k, out);
            out.add(hash(lo + k, hi));
        } else {
            path(index - k, lo + k, hi, out);
            out.add(hash(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean complete, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(hash(lo, hi));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, out);
            out.add(hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(hash(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]); every range the recursions reach starts at a multiple of its largest power of two. */
    private byte[] hash(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return subtrees.hash(lo, Long.numberOfTrailingZeros(n));
        }
        long k = largestPowerOfTwoBelow(n);
        return TreeHashes.node(hash(lo, lo + k), hash(lo + k, hi));
    }

    /** The largest power of two smaller than {@code n} (n > 1), where RFC 9162 splits a tree. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
