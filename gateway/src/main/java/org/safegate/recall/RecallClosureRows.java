package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.safegate.store.StoreWrite;

/** The {@code recall_item_closure} table: who closed which item of a recall without a certificate, when and why. */
final class RecallClosureRows {
    private RecallClosureRows() {
    }

    /**
     * The item's move to CLOSED and its closure row, for the transaction of its audit event. The
     * item must still be open when the transaction runs: if a certification or another closure
     * came first, the write fails, so the whole transaction (event included) is rolled back and
     * nothing says the item was closed.
     */
    static StoreWrite closing(String recallId, String transfer, RecallClosure closure) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE recall_item SET state = ? WHERE recall_id = ?"
                    + " AND transfer_id = ? AND state = ?")) {
                s.setString(1, RecallItem.State.CLOSED.name());
                s.setString(2, recallId);
                s.setString(3, transfer);
                s.setString(4, RecallItem.State.OPEN.name());
                if (s.executeUpdate() != 1) {
                    throw new SQLException("item " + transfer + " of recall " + recallId + " is no longer open");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO recall_item_closure (recall_id, transfer_id,"
                    + " closed_by, closed_at, reason) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, recallId);
                s.setString(2, transfer);
                s.setString(3, closure.closedBy());
                s.setLong(4, closure.closedAt().toEpochMilli());
                s.setString(5, closure.reason());
                s.executeUpdate();
            }
        };
    }

    /** The closures of the recall's items, by transfer id. */
    static Map<String, RecallClosure> of(Connection c, String recallId) throws SQLException {
        Map<String, RecallClosure> closures = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT transfer_id, closed_by, closed_at, reason"
                + " FROM recall_item_closure WHERE recall_id = ?")) {
            s.setString(1, recallId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    closures.put(r.getString(1), new RecallClosure(r.getString(2),
                            Instant.ofEpochMilli(r.getLong(3)), r.getString(4)));
                }
            }
        }
        return closures;
    }
}
