package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safegate.store.Dialect;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.TreeHashes;

/** The SQL of the Merkle tree tables: stored subtree roots, signed tree heads, the tree's edge. */
final class TreeRows {
    /** Subtrees whose level is a multiple of this are stored: 16, 256, 4096... leaves. */
    static final int STORED_LEVELS = 4;
    static final String INSERT_NODE = "INSERT INTO audit_tree_node (node_level, node_index, hash) VALUES (?, ?, ?)";
    static final String INSERT_HEAD = "INSERT INTO audit_tree_head (tree_size, signed_at, note) VALUES (?, ?, ?)";
    static final String HEADS = "SELECT tree_size, note FROM audit_tree_head";

    private TreeRows() {
    }

    static boolean isStored(int level) {
        return level % STORED_LEVELS == 0;
    }

    /** The edge as a column holds it: hex roots, largest first, comma-separated ("" for the empty tree). */
    static String edgeText(CompactRange edge) {
        StringBuilder out = new StringBuilder();
        for (byte[] root : edge.roots()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(TreeHashes.hex(root));
        }
        return out.toString();
    }

    static CompactRange edge(long size, String text) {
        List<byte[]> roots = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String hex : text.split(",", -1)) {
                roots.add(TreeHashes.fromHex(hex));
            }
        }
        return new CompactRange(size, roots);
    }

    static void insertNodes(Connection connection, List<StoredNode> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NODE)) {
            for (StoredNode node : nodes) {
                insert.setInt(1, node.level());
                insert.setLong(2, node.index());
                insert.setString(3, TreeHashes.hex(node.hash()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insertHead(Connection connection, Dialect dialect, long size, Instant time, String note)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_HEAD)) {
            insert.setLong(1, size);
            dialect.bindTime(insert, 2, time);
            insert.setString(3, note);
            insert.executeUpdate();
        }
    }

    /** Stored subtree roots of one level, {@code from} to {@code to} (exclusive) by index, in order. */
    static List<byte[]> nodes(Connection connection, int level, long from, long to) throws SQLException {
        List<byte[]> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM audit_tree_node"
                + " WHERE node_level = ? AND node_index >= ? AND node_index < ? ORDER BY node_index")) {
            select.setInt(1, level);
            select.setLong(2, from);
            select.setLong(3, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.add(TreeHashes.fromHex(rows.getString(1)));
                }
            }
        }
        return hashes;
    }

    /** A complete subtree's root, to be stored. */
    record StoredNode(int level, long index, byte[] hash) {
    }
}
