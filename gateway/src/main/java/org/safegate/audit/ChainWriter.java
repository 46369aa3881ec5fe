package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safegate.store.Database;
import org.safegate.store.Dialect;
import org.safegate.store.StoreWrite;

/**
 * Extends the chain by a batch of entries in one transaction. The chain head row is locked first
 * (by an update that changes nothing), so appenders in other threads or other gateway processes
 * wait and then continue from the head this one committed: one linear chain, no forks, no gaps.
 */
final class ChainWriter {
    /**
     * Takes the head row's lock, as {@code SELECT ... FOR UPDATE} would on PostgreSQL, with a
     * statement SQLite also understands (where it takes the database's write lock).
     */
    private static final String LOCK_HEAD = "UPDATE audit_head SET seq = seq WHERE id = 1";
    /** Run after {@link #LOCK_HEAD}: reads the head as the last committed append left it. */
    private static final String READ_HEAD =
            "SELECT seq, hash, checkpoint_seq, checkpoint_time FROM audit_head WHERE id = 1";
    private static final String UPDATE_HEAD =
            "UPDATE audit_head SET seq = ?, hash = ?, checkpoint_seq = ?, checkpoint_time = ? WHERE id = 1";

    private final Database database;
    private final CheckpointSigner signer;
    private final AuditSettings settings;
    private final Clock clock;

    ChainWriter(Database database, CheckpointSigner signer, AuditSettings settings, Clock clock) {
        this.database = database;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Appends the entries (possibly none: then only a due time-based checkpoint is made), commits
     * and forces the commit to disk. Returns what was appended, in order.
     */
    List<AppendedEvent> write(List<AuditEntry> entries) throws SQLException {
        return write(entries, List.of());
    }

    /** As {@link #write(List)}, with store writes that commit in the same transaction. */
    List<AppendedEvent> write(List<AuditEntry> entries, List<StoreWrite> alongside) throws SQLException {
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
        Head head = lockHead(connection);
        Instant now = CanonicalEncoding.truncate(clock.instant());
        List<AppendedEvent> appended = new ArrayList<>(entries.size());
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(AuditEventRows.INSERT)) {
            for (AuditEntry entry : entries) {
                AuditEvent unsealed = new AuditEvent(head.seq + 1, now, entry, head.hash, "");
                AuditEvent event = new AuditEvent(unsealed.sequence(), now, entry, head.hash,
                        CanonicalEncoding.hash(unsealed));
                AuditEventRows.bind(insert, event, database.dialect());
                insert.addBatch();
                head = head.advance(event);
                appended.add(new AppendedEvent(event.sequence(), event.hash()));
                if (head.seq - head.checkpointSeq >= settings.checkpointEvery()) {
                    checkpoints.add(Checkpoint.sign(head.seq, head.hash, now, signer));
                    head = head.checkpointed(now);
                }
            }
            if (!entries.isEmpty()) {
                insert.executeBatch();
            }
        }
        if (head.seq > head.checkpointSeq && isDue(head.checkpointTime, now)) {
            checkpoints.add(Checkpoint.sign(head.seq, head.hash, now, signer));
            head = head.checkpointed(now);
        } else if (head.checkpointTime == null) {
            head = new Head(head.seq, head.hash, head.checkpointSeq, now);
        }
        insertCheckpoints(connection, checkpoints);
        updateHead(connection, head);
        return appended;
    }

    private boolean isDue(Instant lastCheckpoint, Instant now) {
        return lastCheckpoint != null
                && Duration.between(lastCheckpoint, now).compareTo(settings.checkpointInterval()) >= 0;
    }

    private Head lockHead(Connection connection) throws SQLException {
        Dialect dialect = database.dialect();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD)) {
            lock.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(READ_HEAD);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the audit chain head row is missing");
            }
            return new Head(row.getLong(1), row.getString(2), row.getLong(3), dialect.readTime(row, 4));
        }
    }

    private void insertCheckpoints(Connection connection, List<Checkpoint> checkpoints) throws SQLException {
        Dialect dialect = database.dialect();
        if (checkpoints.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(AuditEventRows.INSERT_CHECKPOINT)) {
            for (Checkpoint checkpoint : checkpoints) {
                AuditEventRows.bindCheckpoint(insert, checkpoint, dialect);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void updateHead(Connection connection, Head head) throws SQLException {
        Dialect dialect = database.dialect();
        try (PreparedStatement update = connection.prepareStatement(UPDATE_HEAD)) {
            update.setLong(1, head.seq);
            update.setString(2, head.hash);
            update.setLong(3, head.checkpointSeq);
            dialect.bindTime(update, 4, head.checkpointTime);
            update.executeUpdate();
        }
    }

    private record Head(long seq, String hash, long checkpointSeq, Instant checkpointTime) {
        Head advance(AuditEvent event) {
            return new Head(event.sequence(), event.hash(), checkpointSeq, checkpointTime);
        }

        Head checkpointed(Instant at) {
            return new Head(seq, hash, seq, at);
        }
    }
}
