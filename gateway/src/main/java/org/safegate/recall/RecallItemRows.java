package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code recall_item} table: the items of each recall, written with it and read with it. The
 * record ids of an item recalled by request are rows of {@code recall_item_record} (V16), in order;
 * {@code record_ids} stays null, its 4000 characters being too few for a recall of many requests.
 */
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
                s.setString(9, null);
                s.setString(10, item.state().name());
                s.addBatch();
            }
            s.executeBatch();
        }
        insertRecords(c, recallId, items);
    }

    private static void insertRecords(Connection c, String recallId, List<RecallItem> items) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO recall_item_record (recall_id, transfer_id,"
                + " position, record_id) VALUES (?, ?, ?, ?)")) {
            int rows = 0;
            for (RecallItem item : items) {
                for (int i = 0; i < item.recordIds().size(); i++) {
                    s.setString(1, recallId);
                    s.setString(2, item.transfer());
                    s.setInt(3, i);
                    s.setString(4, item.recordIds().get(i));
                    s.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                s.executeBatch();
            }
        }
    }

    /** The record ids of the recall's items, by transfer, in order. */
    private static Map<String, List<String>> records(Connection c, String recallId) throws SQLException {
        Map<String, List<String>> records = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT transfer_id, record_id FROM recall_item_record"
                + " WHERE recall_id = ? ORDER BY transfer_id, position")) {
            s.setString(1, recallId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    records.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        return records;
    }

    /** The recall's items in the order they were resolved (delivery time, then transfer id). */
    static List<RecallItem> of(Connection c, String recallId) throws SQLException {
        List<RecallItem> items = new ArrayList<>();
        Map<String, RecallClosure> closures = RecallClosureRows.of(c, recallId);
        Map<String, List<String>> records = records(c, recallId);
        try (PreparedStatement s = c.prepareStatement("SELECT transfer_id, holder, agreement, delivered_name,"
                + " payload_sha256, delivered_at, parent_transfer, state FROM recall_item"
                + " WHERE recall_id = ? ORDER BY delivered_at, transfer_id")) {
            s.setString(1, recallId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.add(new RecallItem(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), Instant.ofEpochMilli(r.getLong(6)), r.getString(7),
                            records.getOrDefault(r.getString(1), List.of()), RecallItem.State.valueOf(r.getString(8)),
                            closures.get(r.getString(1))));
                }
            }
        }
        return items;
    }
}
