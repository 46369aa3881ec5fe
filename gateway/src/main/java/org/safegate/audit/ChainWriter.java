package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.safegate.store.Database;
import org.safegate.store.Dialect;
import org.safegate.store.StoreWrite;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.InclusionProof;
import org.safegate.tlog.MerkleProofs;
import org.safegate.tlog.TreeHashes;
import org.safegate.tlog.TreeHead;

/**
 * Extends the log by a batch of entries in one transaction: the events (each linked to the one
 * before, and a leaf of the Merkle tree), the tree's new edge, and a signed checkpoint of the new
 * tree, so the head is always signed. The chain head row is locked first (by an update that
 * changes nothing), so appenders in other threads or other gateway processes wait and then continue
 * from the head this one committed: one linear log, no forks, no gaps.
 */
final class ChainWriter {
    /**
     * Takes the head row's lock, as {@code SELECT ... FOR UPDATE} would on PostgreSQL, with a
     * statement SQLite also understands (where it takes the database's write lock).
     */
    private static final String LOCK_HEAD = "UPDATE audit_head SET seq = seq WHERE id = 1";
    /** Run after {@link #LOCK_HEAD}: reads the head as the last committed append left it. */
    private static final String READ_HEAD = "SELECT seq, hash, checkpoint_seq, tree_edge FROM audit_head WHERE id = 1";
    private static final String UPDATE_HEAD = "UPDATE audit_head SET seq = ?, hash = ?, checkpoint_seq = ?,"
            + " checkpoint_time = ?, tree_edge = ? WHERE id = 1";

    private final Database database;
    private final TreeHeadSigner signer;
    private final Clock clock;

    ChainWriter(Database database, TreeHeadSigner signer, Clock clock) {
        this.database = database;
        this.signer = signer;
        this.clock = clock;
    }

    /** Appends the entries, commits and forces the commit to disk. Returns what was appended, in order. */
    List<AppendedEvent> write(List<AuditEntry> entries) throws SQLException {
        return write(entries, List.of());
    }

    /** As {@link #write(List)}, with store writes that commit in the same transaction. */
    List<AppendedEvent> write(List<AuditEntry> entries, List<StoreWrite> alongside) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        try (Connection connection = database.connection()) {
            database.dialect().begin(connection, true);
            try {
                List<AppendedEvent> appended = write(connection, entries);
                for (StoreWrite write : alongside) {
                    write.write(connection);
                }
                connection.commit();
                return appended;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                database.dialect().end(connection);
            }
        }
    }

    private List<AppendedEvent> write(Connection connection, List<AuditEntry> entries) throws SQLException {
        Dialect dialect = database.dialect();
        Head head = lockHead(connection);
        CompactRange tree = head.edge == null ? TreeRebuild.edge(connection, dialect, head.seq) : head.edge;
        CompactRange before = tree.copy();
        Instant now = CanonicalEncoding.truncate(clock.instant());
        List<AuditEvent> events = new ArrayList<>(entries.size());
        List<byte[]> canonical = new ArrayList<>(entries.size());
        List<byte[]> leaves = new ArrayList<>(entries.size());
        List<TreeRows.StoredNode> nodes = new ArrayList<>();
        String previousHash = head.hash;
        try (PreparedStatement insert = connection.prepareStatement(AuditEventRows.INSERT)) {
            for (AuditEntry entry : entries) {
                long sequence = head.seq + events.size() + 1;
                byte[] bytes = CanonicalEncoding.encode(new AuditEvent(sequence, now, entry, previousHash, ""));
                AuditEvent event = new AuditEvent(sequence, now, entry, previousHash, CanonicalEncoding.sha256(bytes));
                AuditEventRows.bind(insert, event, dialect);
                insert.addBatch();
                byte[] leaf = TreeHashes.leaf(bytes);
                tree.append(leaf, (level, index, hash) -> {
                    if (TreeRows.isStored(level)) {
                        nodes.add(new TreeRows.StoredNode(level, index, hash));
                    }
                });
                events.add(event);
                canonical.add(bytes);
                leaves.add(leaf);
                previousHash = event.hash();
            }
            insert.executeBatch();
        }
        TreeRows.insertNodes(connection, nodes);
        long previousCheckpoint = head.edge == null ? 0 : head.checkpointSeq;
        String note = signer.sign(new TreeHead(signer.origin(), tree.size(), tree.root(), List.of(
                "time " + CanonicalEncoding.formatTime(now), "previous " + previousCheckpoint))).format();
        TreeRows.insertHead(connection, dialect, tree.size(), now, note);
        updateHead(connection, tree.size(), previousHash, now, TreeRows.edgeText(tree));
        return proofs(events, canonical, leaves, before, tree, note);
    }

    private static List<AppendedEvent> proofs(List<AuditEvent> events, List<byte[]> canonical, List<byte[]> leaves,
                                              CompactRange before, CompactRange after, String note) {
        MerkleProofs proofs = new MerkleProofs(new BatchSubtrees(before, leaves));
        String root = TreeHashes.hex(after.root());
        List<AppendedEvent> appended = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            List<String> path = proofs.inclusion(event.sequence() - 1, after.size()).stream()
                    .map(TreeHashes::hex).toList();
            appended.add(new AppendedEvent(event.sequence(), event.hash(), new InclusionProof(
                    event.entry().transferId(), event.sequence() - 1, after.size(), TreeHashes.hex(leaves.get(i)), path,
                    root, Base64.getEncoder().encodeToString(canonical.get(i)), note)));
        }
        return appended;
    }

    private Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
            lock.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(READ_HEAD);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the audit chain head row is missing");
            }
            long seq = row.getLong(1);
            String edge = row.getString(4);
            return new Head(seq, row.getString(2), row.getLong(3), edge == null ? null : TreeRows.edge(seq, edge));
        }
    }

    private void updateHead(Connection connection, long seq, String hash, Instant signedAt, String edge)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_HEAD)) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.setLong(3, seq);
            database.dialect().bindTime(update, 4, signedAt);
            update.setString(5, edge);
            update.executeUpdate();
        }
    }

    /** The head row: the last event, the size of the last signed checkpoint, the tree's edge (null before the first). */
    private record Head(long seq, String hash, long checkpointSeq, CompactRange edge) {
    }
}
