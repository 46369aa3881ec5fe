package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.safegate.store.TransferJournal.Entry;
import org.safegate.store.TransferJournal.State;

/** The journal's reads (its writes are in {@link TransferJournal}). */
final class JournalQueries {
    private final Database database;

    JournalQueries(Database database) {
        this.database = database;
    }

    List<Entry> unfinishedRows(String sender, String sourcePath, long size, long modified) {
        String sql = "SELECT transfer_id, agreement, recipient, payload_sha256, state, delivered_as FROM transfer_journal"
                + " WHERE sender = ? AND source_path = ? AND source_size = ? AND source_modified = ?"
                + " ORDER BY updated_at DESC, transfer_id";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sender);
            s.setString(2, SourceKey.of(sourcePath));
            s.setLong(3, size);
            s.setLong(4, modified);
            List<Entry> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Entry(r.getString(1), sender, sourcePath, size, modified, r.getString(2),
                            r.getString(3), r.getString(4), State.valueOf(r.getString(5)),
                            Optional.ofNullable(r.getString(6))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw TransferJournal.failure("read the transfer journal", e);
        }
    }

    boolean journaled(String transferId) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM transfer_journal WHERE transfer_id = ?")) {
            s.setString(1, transferId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw TransferJournal.failure("read the transfer journal", e);
        }
    }

    /** How many rows there are: transfers in flight (a finished transfer's row is removed). */
    int count() {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM transfer_journal");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw TransferJournal.failure("count the transfer journal", e);
        }
    }

    /** Each row whose state is none of these, as "id (state, source)", oldest first. */
    List<String> notIn(List<State> states) {
        String marks = String.join(", ", Collections.nCopies(states.size(), "?"));
        String sql = "SELECT transfer_id, state, source_path FROM transfer_journal WHERE state NOT IN (" + marks + ")"
                + " ORDER BY updated_at, transfer_id";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < states.size(); i++) {
                s.setString(i + 1, states.get(i).name());
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " (" + r.getString(2) + ", " + r.getString(3) + ")");
                }
            }
            return rows;
        } catch (SQLException e) {
            throw TransferJournal.failure("read the transfer journal", e);
        }
    }

    List<Entry> inState(State first, State... more) {
        List<State> states = new ArrayList<>(List.of(more));
        states.add(first);
        String marks = String.join(", ", Collections.nCopies(states.size(), "?"));
        String sql = "SELECT transfer_id, sender, source_path, source_size, source_modified, agreement, recipient,"
                + " payload_sha256, state, delivered_as FROM transfer_journal WHERE state IN (" + marks + ")"
                + " ORDER BY updated_at, transfer_id";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < states.size(); i++) {
                s.setString(i + 1, states.get(i).name());
            }
            List<Entry> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (SourceKey.isPath(r.getString(3))) {
                        rows.add(new Entry(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                                r.getString(6), r.getString(7), r.getString(8), State.valueOf(r.getString(9)),
                                Optional.ofNullable(r.getString(10))));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw TransferJournal.failure("read the transfer journal", e);
        }
    }

    Optional<String> refusal(String transferId) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT refusal FROM transfer_journal WHERE transfer_id = ?")) {
            s.setString(1, transferId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw TransferJournal.failure("read the transfer journal", e);
        }
    }
}
