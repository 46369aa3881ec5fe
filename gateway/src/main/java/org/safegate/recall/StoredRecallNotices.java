package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.store.StoreWrite;

/**
 * The {@code recall_notice} table: one notice per recall and holder, written pending with the
 * recall. Every attempt first claims the next attempt number; the delivery is recorded (with its
 * audit event) only by the attempt that still holds the latest number, so two attempts at once
 * never both deliver.
 */
public final class StoredRecallNotices {
    private static final String COLUMNS = "recall_id, holder, state, attempts, sealed_attempt, delivered_as,"
            + " delivered_at, held_since, held_reason";
    private static final String ONE = " WHERE recall_id = ? AND holder = ?";
    private static final int MAX_REASON = 2000;

    private final Database database;

    public StoredRecallNotices(Database database) {
        this.database = database;
    }

    /** A pending notice for each distinct holder of the recall's items, for the recall's transaction. */
    public static StoreWrite pending(Recall recall) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recall_notice (recall_id, holder, state,"
                    + " attempts) VALUES (?, ?, ?, 0)")) {
                for (String holder : new TreeSet<>(recall.items().stream().map(RecallItem::holder).toList())) {
                    s.setString(1, recall.id());
                    s.setString(2, holder);
                    s.setString(3, RecallNotice.State.PENDING.name());
                    s.addBatch();
                }
                s.executeBatch();
            }
        };
    }

    /** The recall's notices, by holder. */
    public List<RecallNotice> of(String recallId) {
        return select(" WHERE recall_id = ? ORDER BY holder", recallId);
    }

    /** Every notice not published yet (pending, held or publishing), oldest recall first. */
    public List<RecallNotice> unfinished() {
        return select(" WHERE state <> ? ORDER BY recall_id, holder", RecallNotice.State.DELIVERED.name());
    }

    /**
     * Claims the next attempt at the notice as it was read; empty when another attempt claimed it
     * or it was delivered meanwhile.
     */
    public Optional<Integer> claim(RecallNotice notice) {
        if (notice.state() == RecallNotice.State.DELIVERED) {
            return Optional.empty();
        }
        int attempt = notice.attempts() + 1;
        int updated = update("UPDATE recall_notice SET attempts = ?" + ONE + " AND attempts = ? AND state = ?",
                attempt, notice.recallId(), notice.holder(), notice.attempts(), notice.state().name());
        return updated == 1 ? Optional.of(attempt) : Optional.empty();
    }

    /**
     * Records the delivery of the attempt's sealed copy, for the transaction of its
     * {@code RECALL_NOTICE_DELIVERED} event; fails (so the event is not written either) when a later
     * attempt claimed the notice or it is no longer pending.
     */
    public static StoreWrite delivered(String recallId, String holder, int attempt, String deliveredAs, Instant at) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE recall_notice SET state = ?, sealed_attempt = ?,"
                    + " delivered_as = ?, delivered_at = ?, held_since = NULL, held_reason = NULL" + ONE
                    + " AND attempts = ? AND state = ?")) {
                s.setString(1, RecallNotice.State.PUBLISHING.name());
                s.setInt(2, attempt);
                s.setString(3, deliveredAs);
                s.setLong(4, at.toEpochMilli());
                s.setString(5, recallId);
                s.setString(6, holder);
                s.setInt(7, attempt);
                s.setString(8, RecallNotice.State.PENDING.name());
                if (s.executeUpdate() != 1) {
                    throw new SQLException("the notice of recall " + recallId + " to " + holder + " was taken over by"
                            + " another attempt, or is not pending any more");
                }
            }
        };
    }

    /** The attempt sealed the recorded notice again (its hidden copy was gone); false when it lost the claim. */
    public boolean resealed(RecallNotice notice, int attempt) {
        return update("UPDATE recall_notice SET sealed_attempt = ?" + ONE + " AND attempts = ? AND state = ?", attempt,
                notice.recallId(), notice.holder(), attempt, RecallNotice.State.PUBLISHING.name()) == 1;
    }

    /** The notice is published in the holder's inbox: done. */
    public void published(RecallNotice notice) {
        update("UPDATE recall_notice SET state = ?, held_since = NULL, held_reason = NULL" + ONE + " AND state = ?",
                RecallNotice.State.DELIVERED.name(), notice.recallId(), notice.holder(),
                RecallNotice.State.PUBLISHING.name());
    }

    /** The start of a hold, for the transaction of its {@code RECALL_NOTICE_HELD} event. */
    public static StoreWrite heldFrom(RecallNotice notice, Instant since, String reason) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE recall_notice SET held_since = ?, held_reason = ?"
                    + ONE + " AND held_since IS NULL")) {
                s.setLong(1, since.toEpochMilli());
                s.setString(2, bounded(reason));
                s.setString(3, notice.recallId());
                s.setString(4, notice.holder());
                s.executeUpdate();
            }
        };
    }

    /** A hold goes on: only its reason is brought up to date. */
    public void stillHeld(RecallNotice notice, String reason) {
        update("UPDATE recall_notice SET held_reason = ?" + ONE, bounded(reason), notice.recallId(), notice.holder());
    }

    private static String bounded(String reason) {
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 3) + "..." : reason;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot record a recall notice: " + e.getMessage(), e);
        }
    }

    private List<RecallNotice> select(String where, Object... parameters) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM recall_notice" + where)) {
            bind(s, parameters);
            List<RecallNotice> notices = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    notices.add(new RecallNotice(r.getString(1), r.getString(2),
                            RecallNotice.State.valueOf(r.getString(3)), r.getInt(4), integer(r, 5),
                            Optional.ofNullable(r.getString(6)), instant(r, 7), instant(r, 8),
                            Optional.ofNullable(r.getString(9))));
                }
            }
            return notices;
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read recall notices: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (p == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setString(i + 1, p.toString());
            }
        }
    }

    private static Optional<Integer> integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }
}
