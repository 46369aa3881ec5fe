package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code recall_item} table: the items of each recall, written with it and read with it. */
final class RecallItemRows {
    private RecallItemRows() {
    }

    static void insert(Connection c, String recallId, List<RecallItem> items) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO recall_item (recall_id, transfer_id, holder,"
                + " agreement, delivered_name, payload_sha256, delivered_at, parent_transfer, record_ids, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RecallItem item : items) {
                s.setString(1, recallId);
                s.setString(2, item.transfer());
                s.setString(3, item.holder());
                s.setString(4, item.agreement());
                s.setString(5, item.deliveredName());
                s.setString(6, item.sha256());
                s.setLong(7, item.deliveredAt().toEpochMilli());
                s.setString(8, item.parent());
                s.setString(9, item.recordIds().isEmpty() ? null : String.join(",", item.recordIds()));
                s.setString(10, item.state().name());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The recall's items in the order they were resolved (delivery time, then transfer id). */
    static List<RecallItem> of(Connection c, String recallId) throws SQLException {
        List<RecallItem> items = new ArrayList<>();
        Map<String, RecallClosure> closures = RecallClosureRows.of(c, recallId);
        try (PreparedStatement s = c.prepareStatement("SELECT transfer_id, holder, agreement, delivered_name,"
                + " payload_sha256, delivered_at, parent_transfer, record_ids, state FROM recall_item"
                + " WHERE recall_id = ? ORDER BY delivered_at, transfer_id")) {
            s.setString(1, recallId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String records = r.getString(8);
                    items.add(new RecallItem(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), Instant.ofEpochMilli(r.getLong(6)), r.getString(7),
                            records == null ? List.of() : Arrays.asList(records.split(",")),
                            RecallItem.State.valueOf(r.getString(9)), closures.get(r.getString(1))));
                }
            }
        }
        return items;
    }
}
