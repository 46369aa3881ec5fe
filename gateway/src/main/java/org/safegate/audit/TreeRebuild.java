package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.safegate.store.Dialect;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.TreeHashes;

/**
 * Builds the Merkle tree over a log written before the tree existed: its events become the first
 * leaves, in order, so the first checkpoint signed afterwards covers them all. Runs once, inside
 * the first append's transaction.
 */
final class TreeRebuild {

    private TreeRebuild() {
    }

    static CompactRange edge(Connection connection, Dialect dialect, long head) throws SQLException {
        CompactRange tree = new CompactRange();
        List<TreeRows.StoredNode> nodes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + AuditEventRows.COLUMNS
                + " FROM audit_event ORDER BY seq");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                AuditEvent event = AuditEventRows.read(rows, dialect);
                if (event.sequence() != tree.size() + 1) {
                    throw new SQLException("cannot build the audit Merkle tree: event " + (tree.size() + 1)
                            + " is not in the store (archived before the tree existed, or removed)");
                }
                tree.append(TreeHashes.leaf(CanonicalEncoding.encode(event)), (level, index, hash) -> {
                    if (TreeRows.isStored(level)) {
                        nodes.add(new TreeRows.StoredNode(level, index, hash));
                    }
                });
            }
        }
        if (tree.size() != head) {
            throw new SQLException("cannot build the audit Merkle tree: the head is " + head + " but the store holds "
                    + tree.size() + " events");
        }
        TreeRows.insertNodes(connection, nodes);
        return tree;
    }
}
