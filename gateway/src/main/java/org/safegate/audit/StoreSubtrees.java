package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.safegate.store.Dialect;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.Subtrees;
import org.safegate.tlog.TreeHashes;

/**
 * Subtree hashes from the store: a stored node when the level is a multiple of four, otherwise
 * folded from at most eight stored nodes (or events) one stored level below. An inclusion proof
 * on a log of a million events reads a few dozen rows.
 */
final class StoreSubtrees implements Subtrees {
    private final Connection connection;
    private final Dialect dialect;
    private final CompactRange archived;

    /** Over the store's tree; {@code archived} is the edge where archiving stopped, or null. */
    StoreSubtrees(Connection connection, Dialect dialect, CompactRange archived) {
        this.connection = connection;
        this.dialect = dialect;
        this.archived = archived;
    }

    @Override
    public byte[] hash(long start, int level) {
        // left of the archive's edge only its subtrees are known; proofs of later events need no others
        byte[] edge = archived == null ? null : archived.subtree(start, level);
        if (edge != null) {
            return edge;
        }
        try {
            if (level > 0 && TreeRows.isStored(level)) {
                List<byte[]> stored = TreeRows.nodes(connection, level, start >>> level, (start >>> level) + 1);
                if (stored.size() == 1) {
                    return stored.get(0);
                }
                long half = 1L << (level - 1);
                return TreeHashes.node(hash(start, level - 1), hash(start + half, level - 1));
            }
            int below = level - level % TreeRows.STORED_LEVELS;
            long count = 1L << (level - below);
            List<byte[]> parts = below == 0 ? leaves(start, count)
                    : TreeRows.nodes(connection, below, start >>> below, (start >>> below) + count);
            if (parts.size() != count) {
                throw new IllegalStateException("the audit store lacks the tree nodes under " + count + " at level "
                        + below + " from leaf " + start);
            }
            return fold(parts);
        } catch (SQLException e) {
            throw AuditStore.failure("read the audit Merkle tree", e);
        }
    }

    private List<byte[]> leaves(long start, long count) throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + AuditEventRows.COLUMNS
                + " FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            select.setLong(1, start);
            select.setLong(2, start + count);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    leaves.add(TreeHashes.leaf(CanonicalEncoding.encode(AuditEventRows.read(rows, dialect))));
                }
            }
        }
        if (leaves.size() != count) {
            throw new IllegalStateException("events " + (start + 1) + " to " + (start + count)
                    + " are not all in the store (archived or removed)");
        }
        return leaves;
    }

    private static byte[] fold(List<byte[]> level) {
        List<byte[]> current = level;
        while (current.size() > 1) {
            List<byte[]> up = new ArrayList<>(current.size() / 2);
            for (int i = 0; i < current.size(); i += 2) {
                up.add(TreeHashes.node(current.get(i), current.get(i + 1)));
            }
            current = up;
        }
        return current.get(0);
    }
}
