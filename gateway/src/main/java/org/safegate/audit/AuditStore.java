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
import org.safegate.store.Database;

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

    /** Verifies the stored chain, from genesis or from the signed checkpoint where archiving stopped. */
    public VerificationResult verify(ChainVerifier verifier) {
        // read in this order so that concurrent appends can only add what verification does not expect
        long head = headSequence();
        List<Checkpoint> checkpoints = checkpoints();
        long anchor = archivedUpTo().orElse(0L);
        String anchorHash = CanonicalEncoding.GENESIS;
        if (anchor > 0) {
            Optional<Checkpoint> boundary = checkpoints.stream().filter(c -> c.sequence() == anchor).findFirst();
            if (boundary.isEmpty()) {
                return new VerificationResult(0, 0, 0, CanonicalEncoding.GENESIS, Optional.of(new Tamper(
                        TamperKind.REMOVED, 1, "events up to " + anchor + " are gone and no signed checkpoint anchors the rest")));
            }
            anchorHash = boundary.get().hash();
        }
        try (EventCursor cursor = open(AuditQuery.ALL)) {
            return verifier.verify(new ChainInput(anchor, anchorHash, cursor, checkpoints,
                    java.util.OptionalLong.of(head)));
        }
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
