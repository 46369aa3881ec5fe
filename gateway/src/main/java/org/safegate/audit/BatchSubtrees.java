package org.safegate.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.Subtrees;
import org.safegate.tlog.TreeHashes;

/**
 * The subtrees a writer knows without reading the store: the edge of the tree before a commit and
 * the leaves the commit adds. That is every subtree the inclusion proofs of the new leaves need:
 * a sibling left of a new leaf is either a whole subtree of the edge or overlaps the new leaves.
 */
final class BatchSubtrees implements Subtrees {
    private final CompactRange before;
    private final long firstNew;
    private final List<byte[]> leaves;
    private final Map<Long, byte[]> known = new HashMap<>();

    BatchSubtrees(CompactRange before, List<byte[]> leaves) {
        this.before = before;
        this.firstNew = before.size();
        this.leaves = leaves;
    }

    @Override
    public byte[] hash(long start, int level) {
        byte[] hash = start < firstNew ? before.subtree(start, level) : null;
        if (hash == null) {
            hash = known.get(key(start, level));
        }
        if (hash != null) {
            return hash;
        }
        if (level == 0) {
            if (start < firstNew) {
                throw new IllegalStateException("leaf " + start + " is neither new nor on the tree's edge");
            }
            return leaves.get((int) (start - firstNew));
        }
        long half = 1L << (level - 1);
        hash = TreeHashes.node(hash(start, level - 1), hash(start + half, level - 1));
        known.put(key(start, level), hash);
        return hash;
    }

    private static long key(long start, int level) {
        return (start << 6) | level;
    }
}
