package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The digest of every plaintext the gateway delivered, and to whom. When that recipient later
 * sends the same data on, the gateway recognises the redisclosure and links it to this transfer.
 */
public final class DeliveredPayloads {

    /** An earlier delivery of the same data to the agency now sending it. */
    public record Delivery(String transferId, String agreement, Instant at) {
    }

    /** What is recorded of one delivery, for {@link TransferJournal#delivered(String, String, Delivered)}. */
    public record Delivered(String sha256, String recipient, String agreement, Instant at) {
    }

    private final Database database;

    public DeliveredPayloads(Database database) {
        this.database = database;
    }

    /** Records a delivery, forced to disk; recording the same transfer again (after a restart) changes nothing. */
    public void record(String sha256, String recipient, String transferId, String agreement, Instant at) {
        try (Connection c = database.connection()) {
            // durable: the original is archived next, after which nothing would find this record missing again
            database.dialect().begin(c, true);
            try {
                record(c, sha256, recipient, transferId, agreement, at);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                database.dialect().end(c);
            }
        } catch (SQLException e) {
            throw TransferJournal.failure("record delivered payload of " + transferId, e);
        }
    }

    /**
     * The record of a delivery as a write for another transaction: the delivery's audit event
     * carries it, so the recipient can never hold data the gateway does not know it delivered.
     */
    public static StoreWrite recording(String transferId, Delivered payload) {
        return c -> record(c, payload.sha256(), payload.recipient(), transferId, payload.agreement(), payload.at());
    }

    /** As {@link #record}, within the caller's transaction (the journal's delivered step shares it). */
    static void record(Connection c, String sha256, String recipient, String transferId, String agreement, Instant at)
            throws SQLException {
        String sql = "INSERT INTO delivered_payload (payload_sha256, recipient, transfer_id, agreement, delivered_at)"
                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM delivered_payload"
                // the whole primary key, so the check is an index lookup, not a scan of every delivery so far
                + " WHERE payload_sha256 = ? AND recipient = ? AND transfer_id = ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256);
            s.setString(2, recipient);
            s.setString(3, transferId);
            s.setString(4, agreement);
            s.setLong(5, at.toEpochMilli());
            s.setString(6, sha256);
            s.setString(7, recipient);
            s.setString(8, transferId);
            s.executeUpdate();
        }
    }

    /** The first delivery of this data to the agency, if the gateway ever delivered it there. */
    public Optional<Delivery> deliveredTo(String sha256, String agency) {
        String sql = "SELECT transfer_id, agreement, delivered_at FROM delivered_payload"
                + " WHERE payload_sha256 = ? AND recipient = ? ORDER BY delivered_at, transfer_id";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256);
            s.setString(2, agency);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new Delivery(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw TransferJournal.failure("look up delivered payloads", e);
        }
    }
}
