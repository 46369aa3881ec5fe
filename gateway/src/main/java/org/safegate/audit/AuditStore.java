package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import java.util.OptionalLong;
import org.safegate.store.Database;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.ConsistencyProof;
import org.safegate.tlog.MerkleProofs;
import org.safegate.tlog.TreeHashes;
import org.safegate.tlog.InclusionProof;
import org.safegate.tlog.Witness;

/** Reads the audit log. It has no method that changes or deletes an event. */
public final class AuditStore {
    private final Database database;

    public AuditStore(Database database) {
        this.database = database;
    }

    /** Streams the matching events in sequence order, without holding them all in memory. */
    public void forEach(AuditQuery query, Consumer<AuditEvent> action) {
        try (EventCursor cursor = open(query)) {
            cursor.forEachRemaining(action);
        }
    }

    /** A cursor over the matching events, in sequence order. */
    public EventCursor open(AuditQuery query) {
        return EventCursor.open(database, query);
    }

    /** Verifies the stored log, from genesis or from where archiving stopped. */
    public VerificationResult verify(ChainVerifier verifier) {
        return verify(verifier, List.of());
    }

    /** Verifies the stored log, and that it still holds the trees its witnesses saw. */
    public VerificationResult verify(ChainVerifier verifier, List<Witness> witnesses) {
        // read in this order so that concurrent appends can only add what verification does not expect
        long head = headSequence();
        List<Checkpoint> checkpoints = checkpoints();
        Optional<ArchiveRecord> archive = ArchiveRecord.latest(database);
        Optional<Tamper> archiveProblem = archive.flatMap(ArchiveRecord::problem);
        if (archiveProblem.isPresent()) {
            return new VerificationResult(0, 0, 0, CanonicalEncoding.GENESIS, archiveProblem, new CompactRange(), 0);
        }
        long anchor = archive.map(ArchiveRecord::upTo).orElse(0L);
        String anchorHash = archive.map(ArchiveRecord::hash).orElse(CanonicalEncoding.GENESIS);
        CompactRange anchorTree = archive.map(ArchiveRecord::tree).orElse(new CompactRange());
        try (EventStream events = allEvents();
             RowCursor<String> treeHeads = new RowCursor<>(database, TreeRows.HEADS + " ORDER BY tree_size",
                     statement -> { }, row -> row.getString(2))) {
            return verifier.verify(new ChainInput(anchor, anchorHash, anchorTree, events, checkpoints, treeHeads,
                    OptionalLong.of(head), witnesses, true));
        }
    }

    /** Every event in order; from SQLite as one JSON array per row, decoded on every core. */
    private EventStream allEvents() {
        return database.dialect() == org.safegate.store.Dialect.SQLITE ? new JsonRowEvents(database)
                : open(AuditQuery.ALL);
    }

    /** The hash of the last event appended (genesis when none). */
    public String headHash() {
        String[] hash = {CanonicalEncoding.GENESIS};
        query("SELECT hash FROM audit_head WHERE id = 1", rows -> hash[0] = rows.getString(1));
        return hash[0];
    }

    /** The Merkle tree's edge at {@code size} events: from the archive record where archiving stopped, else the store. */
    CompactRange treeAt(long size) {
        if (size == 0) {
            return new CompactRange();
        }
        Optional<ArchiveRecord> archive = ArchiveRecord.latest(database);
        if (archive.isPresent() && archive.get().upTo() == size && archive.get().tree() != null) {
            return archive.get().tree();
        }
        try (Connection connection = database.connection()) {
            return CompactRange.of(size, new StoreSubtrees(connection, database.dialect(),
                    archive.map(ArchiveRecord::tree).orElse(null)));
        } catch (SQLException e) {
            throw failure("read the audit Merkle tree", e);
        } catch (IllegalStateException e) {
            throw new SafegateException(ErrorCode.AUDIT_EXPORT_INVALID, "cannot start an export after event " + size
                    + ": " + e.getMessage());
        }
    }

    /** The stored checkpoints of trees larger than {@code size}, in size order. */
    RowCursor<JsonlExport.StoredHead> treeHeadsAfter(long size) {
        return new RowCursor<>(database, TreeRows.HEADS + " WHERE tree_size > ? ORDER BY tree_size",
                statement -> statement.setLong(1, size),
                row -> new JsonlExport.StoredHead(row.getLong(1), row.getString(2)));
    }

    /** A stored checkpoint: the tree size it signs and its signed note. */
    public record SignedCheckpoint(long size, String note) {
    }

    /** The checkpoint of the largest tree, when there is one. */
    public Optional<SignedCheckpoint> latestCheckpoint() {
        List<SignedCheckpoint> latest = new ArrayList<>();
        query(TreeRows.HEADS + " WHERE tree_size = (SELECT MAX(tree_size) FROM audit_tree_head)",
                rows -> latest.add(new SignedCheckpoint(rows.getLong(1), rows.getString(2))));
        return latest.stream().findFirst();
    }

    /** That the tree of {@code from} events is a prefix of the tree of {@code to} events (RFC 9162 consistency proof). */
    public ConsistencyProof consistency(long from, long to) {
        Optional<ArchiveRecord> archive = ArchiveRecord.latest(database);
        try (Connection connection = database.connection()) {
            List<byte[]> proof = new MerkleProofs(new StoreSubtrees(connection, database.dialect(),
                    archive.map(ArchiveRecord::tree).orElse(null))).consistency(from, to);
            return new ConsistencyProof(from, to, proof.stream().map(TreeHashes::hex).toList());
        } catch (SQLException e) {
            throw failure("read the audit Merkle tree", e);
        }
    }

    /** The inclusion proof of the transfer's last event against the latest signed checkpoint. */
    public InclusionProof prove(String transferId) {
        return new AuditProofs(database).prove(transferId);
    }

    /** The inclusion proof of the transfer's last event of this type against the latest signed checkpoint. */
    public InclusionProof prove(String transferId, AuditEventType type) {
        return new AuditProofs(database).prove(transferId, type);
    }

    public List<AuditEvent> list(AuditQuery query) {
        List<AuditEvent> events = new ArrayList<>();
        forEach(query, events::add);
        return events;
    }

    /** Every stored checkpoint, in sequence order. */
    public List<Checkpoint> checkpoints() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        query("SELECT " + AuditEventRows.CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY seq",
                rows -> checkpoints.add(AuditEventRows.readCheckpoint(rows, database.dialect())));
        return checkpoints;
    }

    /** The chain head as the store records it: the last sequence number appended. */
    public long headSequence() {
        long[] head = {0};
        query("SELECT seq FROM audit_head WHERE id = 1", rows -> head[0] = rows.getLong(1));
        return head[0];
    }

    /** Where the stored chain starts when older events were archived: the last archived sequence. */
    public Optional<Long> archivedUpTo() {
        List<Long> upTo = new ArrayList<>();
        query("SELECT MAX(up_to_seq) FROM audit_archive", rows -> {
            long value = rows.getLong(1);
            if (!rows.wasNull()) {
                upTo.add(value);
            }
        });
        return upTo.stream().findFirst();
    }

    /** Events whose parent transfer is {@code transferId}: the onward transfers of its data. */
    public List<AuditEvent> children(String transferId) {
        List<AuditEvent> events = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + AuditEventRows.COLUMNS
                     + " FROM audit_event WHERE parent_transfer = ? ORDER BY seq")) {
            statement.setString(1, transferId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(AuditEventRows.read(rows, database.dialect()));
                }
            }
        } catch (SQLException e) {
            throw failure("read audit events", e);
        }
        return events;
    }

    Database database() {
        return database;
    }

    private void query(String sql, RowAction action) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                action.accept(rows);
            }
        } catch (SQLException e) {
            throw failure("read the audit log", e);
        }
    }

    static SafegateException failure(String what, SQLException e) {
        return new SafegateException(ErrorCode.STORE_FAILURE, "cannot " + what + ": " + e.getMessage(), e);
    }

    private interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }
}
