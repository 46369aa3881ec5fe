package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.RecallObligations;
import org.safegate.store.Database;

/**
 * The recall obligations kept in the store: an agency's items still {@code OPEN} (neither certified
 * nor closed), counted per recall with the recall's due date. Read on every call (the gate asks at
 * every decision; the holder index of {@code recall_item} keeps it a seek), so a certification or a
 * closing written by any process counts at the very next decision. A store that cannot be read is a
 * failure, never "nothing owed": the caller holds the transfer.
 */
public final class StoredRecallObligations implements RecallObligations {
    private static final String OPEN = "SELECT i.recall_id, COUNT(*), r.due_at FROM recall_item i"
            + " JOIN recall r ON r.recall_id = i.recall_id WHERE i.holder = ? AND i.state = ?"
            + " GROUP BY i.recall_id, r.due_at ORDER BY r.due_at, i.recall_id";

    private final Database database;

    public StoredRecallObligations(Database database) {
        this.database = database;
    }

    @Override
    public List<Open> open(String agency) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(OPEN)) {
            s.setString(1, agency);
            s.setString(2, RecallItem.State.OPEN.name());
            List<Open> open = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    open.add(new Open(r.getString(1), r.getInt(2), Instant.ofEpochMilli(r.getLong(3))));
                }
            }
            return open;
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read the recalls " + agency + " holds: "
                    + e.getMessage(), e);
        }
    }
}
