package org.safegate.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.safegate.store.Dialect;

/** The audit_event and audit_checkpoint tables: every column name and mapping in one place. */
final class AuditEventRows {
    static final String COLUMNS = "seq, event_time, event_type, actor, origin, object_name, outcome, transfer_id,"
            + " provider, recipient, agreement, authority, category, payload_digest, size_bytes, record_count,"
            + " decision, reason_codes, parent_transfer, change_text, prev_hash, hash";
    static final String INSERT = "INSERT INTO audit_event (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String CHECKPOINT_COLUMNS = "seq, hash, checkpoint_time, key_id, algorithm, signature";
    static final String INSERT_CHECKPOINT = "INSERT INTO audit_checkpoint (" + CHECKPOINT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?)";

    private AuditEventRows() {
    }

    static void bind(PreparedStatement statement, AuditEvent event, Dialect dialect) throws SQLException {
        AuditEntry e = event.entry();
        statement.setLong(1, event.sequence());
        dialect.bindTime(statement, 2, event.time());
        statement.setString(3, e.type().name());
        statement.setString(4, e.actor());
        statement.setString(5, e.origin());
        statement.setString(6, e.object());
        statement.setString(7, e.outcome().name());
        statement.setString(8, e.transferId());
        statement.setString(9, e.provider());
        statement.setString(10, e.recipient());
        statement.setString(11, e.agreement());
        statement.setString(12, e.authority());
        statement.setString(13, e.category());
        statement.setString(14, e.payloadDigest());
        setLong(statement, 15, e.size());
        setLong(statement, 16, e.recordCount());
        statement.setString(17, e.decision());
        statement.setString(18, e.reasonCodes().isEmpty() ? null : String.join(" ", e.reasonCodes()));
        statement.setString(19, e.parentTransfer());
        statement.setString(20, e.change());
        statement.setString(21, event.previousHash());
        statement.setString(22, event.hash());
    }

    static AuditEvent read(ResultSet row, Dialect dialect) throws SQLException {
        return read(row, dialect.readTime(row, 2));
    }

    /**
     * Reads rows in sequence order, reusing the time of the row before when it is the same: the
     * events of one commit share their time, and parsing it is a large part of reading a row.
     */
    static final class Reader {
        private final Dialect dialect;
        private String lastText;
        private Instant lastTime;

        Reader(Dialect dialect) {
            this.dialect = dialect;
        }

        AuditEvent read(ResultSet row) throws SQLException {
            if (dialect != Dialect.SQLITE) {
                return AuditEventRows.read(row, dialect);
            }
            String text = row.getString(2);
            if (!text.equals(lastText)) {
                lastTime = Instant.parse(text);
                lastText = text;
            }
            return AuditEventRows.read(row, lastTime);
        }
    }

    private static AuditEvent read(ResultSet row, Instant time) throws SQLException {
        String reasons = row.getString(18);
        AuditEntry entry = new AuditEntry(
                AuditEventType.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getString(6),
                Outcome.valueOf(row.getString(7)), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getString(12), row.getString(13), row.getString(14), getLong(row, 15),
                getLong(row, 16), row.getString(17),
                reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.trim().split(" ")),
                row.getString(19), row.getString(20));
        return new AuditEvent(row.getLong(1), time, entry, row.getString(21), row.getString(22));
    }

    static void bindCheckpoint(PreparedStatement statement, Checkpoint checkpoint, Dialect dialect)
            throws SQLException {
        statement.setLong(1, checkpoint.sequence());
        statement.setString(2, checkpoint.hash());
        dialect.bindTime(statement, 3, checkpoint.time());
        statement.setString(4, checkpoint.keyId());
        statement.setString(5, checkpoint.algorithm());
        statement.setString(6, java.util.Base64.getEncoder().encodeToString(checkpoint.signature()));
    }

    static Checkpoint readCheckpoint(ResultSet row, Dialect dialect) throws SQLException {
        return new Checkpoint(row.getLong(1), row.getString(2), dialect.readTime(row, 3),
                row.getString(4), row.getString(5), java.util.Base64.getDecoder().decode(row.getString(6)));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
