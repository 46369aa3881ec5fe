package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.store.StoreWrite;

/**
 * Recalls kept in the store ({@code recall}, with their items in {@code recall_item}). A recall is
 * written as a {@link StoreWrite} inside the transaction of its {@code RECALL_ISSUED} audit event,
 * so a recall exists exactly when the log says it was issued.
 */
public final class StoredRecalls {
    private static final String COLUMNS = "recall_id, issuer, issued_at, issued_by, reason, notice, due_at";

    private final Database database;

    /** Which recalls to list; every filter optional. */
    public record Filter(Optional<Boolean> open, Optional<String> holder, Optional<Overdue> overdue) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty());

        public Filter(Optional<Boolean> open, Optional<String> holder) {
            this(open, holder, Optional.empty());
        }
    }

    /** Only recalls that are overdue on the day ({@link Recall#overdueOn}), or only those that are not. */
    public record Overdue(boolean overdue, LocalDate on) {
    }

    public StoredRecalls(Database database) {
        this.database = database;
    }

    /** The recall and its items, for the caller's transaction. */
    public static StoreWrite inserting(Recall recall) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recall (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, recall.id());
                s.setString(2, recall.issuer());
                s.setLong(3, recall.issuedAt().toEpochMilli());
                s.setString(4, recall.issuedBy());
                s.setString(5, recall.reason());
                s.setString(6, recall.notice());
                s.setLong(7, recall.due().toEpochMilli());
                s.executeUpdate();
            }
            RecallItemRows.insert(c, recall.id(), recall.items());
        };
    }

    public Optional<Recall> find(String id) {
        List<Recall> found = select(" WHERE recall_id = ?", id);
        return found.stream().findFirst();
    }

    /**
     * Newest first; {@code holder} keeps recalls with an item of that agency, {@code open} those with an
     * item open (or none), {@code overdue} those with an item open past due on its day (or none); with a
     * holder, open and overdue look at that holder's items only.
     */
    public List<Recall> list(Filter filter) {
        List<Recall> all = filter.holder().map(h -> select(" WHERE recall_id IN (SELECT recall_id FROM recall_item"
                + " WHERE holder = ?)", h)).orElseGet(() -> select("", null));
        // with a holder, open and overdue speak of its items: another holder owing does not make it overdue
        return all.stream().filter(r -> filter.open().map(open -> r.openFor(filter.holder()) == open).orElse(true))
                .filter(r -> filter.overdue().map(o -> r.overdueOn(o.on(), filter.holder()) == o.overdue())
                        .orElse(true)).toList();
    }

    private List<Recall> select(String where, String parameter) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM recall" + where
                     + " ORDER BY issued_at DESC, recall_id")) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            List<Recall> recalls = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    recalls.add(new Recall(id, r.getString(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
                            r.getString(5), r.getString(6), Instant.ofEpochMilli(r.getLong(7)),
                            RecallItemRows.of(c, id)));
                }
            }
            return recalls;
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read recalls: " + e.getMessage(), e);
        }
    }
}
