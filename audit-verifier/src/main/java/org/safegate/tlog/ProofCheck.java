package org.safegate.tlog;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks inclusion and consistency proofs as RFC 9162 sections 2.1.3.2 and 2.1.4.2 describe, with
 * nothing but the proof, the sizes and the hashes: what an agency holding a receipt can run.
 */
public final class ProofCheck {

    private ProofCheck() {
    }

    /** True when {@code path} proves leaf {@code index} with {@code leafHash} is in the tree of {@code size} with {@code root}. */
    public static boolean inclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = TreeHashes.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** True when {@code proof} shows the tree of {@code first} leaves ({@code firstRoot}) is a prefix of the tree of {@code second}. */
    public static boolean consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty(); // the empty tree is a prefix of every tree
        }
        if (proof.isEmpty()) {
            return false;
        }
        int at = 0;
        byte[] start = Long.bitCount(first) == 1 ? firstRoot : proof.get(at++);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = start;
        byte[] sr = start;
        for (; at < proof.size(); at++) {
            byte[] c = proof.get(at);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHashes.node(c, fr);
                sr = TreeHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = TreeHashes.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}
