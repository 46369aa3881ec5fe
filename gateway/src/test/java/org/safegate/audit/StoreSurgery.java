package org.safegate.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.safegate.store.Database;

/** What an insider with write access to the database does to the audit tables, as plain SQL. */
final class StoreSurgery {
    private final Database database;

    StoreSurgery(Database database) {
        this.database = database;
    }

    void sql(String... statements) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    /**
     * Rewrites event {@code seq} and recomputes the hash chain from it to the head, so every event
     * hashes right and links to the one before: only the signed tree can tell.
     */
    void rewriteAndRechain(long seq, UnaryOperator<AuditEntry> change) throws SQLException {
        List<AuditEvent> events = new AuditStore(database).list(AuditQuery.ALL);
        String previous = events.stream().filter(e -> e.sequence() == seq - 1).map(AuditEvent::hash).findFirst()
                .orElse(CanonicalEncoding.GENESIS);
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_event WHERE seq = ?");
             PreparedStatement insert = connection.prepareStatement(AuditEventRows.INSERT)) {
            for (AuditEvent event : events) {
                if (event.sequence() < seq) {
                    continue;
                }
                AuditEntry entry = event.sequence() == seq ? change.apply(event.entry()) : event.entry();
                AuditEvent draft = new AuditEvent(event.sequence(), event.time(), entry, previous, "");
                AuditEvent rewritten = new AuditEvent(event.sequence(), event.time(), entry, previous,
                        CanonicalEncoding.hash(draft));
                delete.setLong(1, event.sequence());
                delete.executeUpdate();
                AuditEventRows.bind(insert, rewritten, database.dialect());
                insert.executeUpdate();
                previous = rewritten.hash();
            }
            try (PreparedStatement head = connection.prepareStatement("UPDATE audit_head SET hash = ? WHERE id = 1")) {
                head.setString(1, previous);
                head.executeUpdate();
            }
        }
    }

    /** Cuts the log back to {@code size} events, checkpoints and head included: a restore of an older copy. */
    void rollBackTo(long size) throws SQLException {
        String hash = new AuditStore(database).list(AuditQuery.ALL).get((int) size - 1).hash();
        sql("DELETE FROM audit_event WHERE seq > " + size, "DELETE FROM audit_tree_head WHERE tree_size > " + size,
                "UPDATE audit_head SET seq = " + size + ", checkpoint_seq = " + size + ", hash = '" + hash
                        + "' WHERE id = 1");
    }

    /** The stored checkpoint of {@code size} events, written where an agency would keep it. */
    Path witness(long size, Path folder) throws SQLException {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(size + ".checkpoint"), note(size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored checkpoint note of {@code size} events. */
    String note(long size) throws SQLException {
        String[] note = {null};
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT note FROM audit_tree_head WHERE tree_size = ?")) {
            select.setLong(1, size);
            try (var rows = select.executeQuery()) {
                if (rows.next()) {
                    note[0] = rows.getString(1);
                }
            }
        }
        return note[0];
    }
}
