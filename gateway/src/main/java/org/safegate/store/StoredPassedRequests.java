package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.safegate.inspect.PassedRequests;
import org.safegate.inspect.RequestOutcome;

/**
 * Request outcomes in the store, shared by every gateway node and kept across restarts. As the
 * contract says, a passed id is never turned into a refused one; a later pass renews its time.
 */
public final class StoredPassedRequests implements PassedRequests {
    private final Database database;

    public StoredPassedRequests(Database database) {
        this.database = database;
    }

    @Override
    public void record(RequestOutcome outcome) {
        recordAll(java.util.List.of(outcome));
    }

    /**
     * Records several outcomes in one transaction. New ids (the usual case) go in as one JDBC
     * batch; if any id was already known, the batch is undone and each outcome merged one by one.
     */
    public void recordAll(java.util.List<RequestOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        RequestOutcome first = outcomes.get(0);
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                if (!insertAll(c, outcomes)) {
                    c.rollback();
                    for (RequestOutcome outcome : outcomes) {
                        merge(c, outcome);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw TransferJournal.failure("record the outcomes of requests from " + first.requestId(), e);
        }
    }

    /** False when an id was already recorded (the caller then merges one by one). */
    private static boolean insertAll(Connection c, java.util.List<RequestOutcome> outcomes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO request_outcome (agreement, request_id, requester,"
                + " inspected_at, passed) VALUES (?, ?, ?, ?, ?)")) {
            for (RequestOutcome o : outcomes) {
                s.setString(1, o.agreementId());
                s.setString(2, o.requestId());
                s.setString(3, o.requester());
                s.setLong(4, o.inspectedAt().toEpochMilli());
                s.setBoolean(5, o.passed());
                s.addBatch();
            }
            s.executeBatch();
            return true;
        } catch (java.sql.BatchUpdateException | java.sql.SQLIntegrityConstraintViolationException duplicate) {
            return false;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private static void merge(Connection c, RequestOutcome outcome) throws SQLException {
        Optional<RequestOutcome> earlier = find(c, outcome.agreementId(), outcome.requestId());
        if (earlier.isEmpty()) {
            insert(c, outcome);
        } else if (outcome.passed() || !earlier.get().passed()) {
            update(c, outcome);
        }
    }

    @Override
    public Optional<RequestOutcome> find(String agreementId, String requestId) {
        try (Connection c = database.connection()) {
            return find(c, agreementId, requestId);
        } catch (SQLException e) {
            throw TransferJournal.failure("look up request " + requestId, e);
        }
    }

    private static Optional<RequestOutcome> find(Connection c, String agreementId, String requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT requester, inspected_at, passed FROM request_outcome"
                + " WHERE agreement = ? AND request_id = ?")) {
            s.setString(1, agreementId);
            s.setString(2, requestId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new RequestOutcome(agreementId, r.getString(1), requestId,
                        Instant.ofEpochMilli(r.getLong(2)), r.getBoolean(3))) : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, RequestOutcome o) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO request_outcome (agreement, request_id, requester,"
                + " inspected_at, passed) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, o.agreementId());
            s.setString(2, o.requestId());
            s.setString(3, o.requester());
            s.setLong(4, o.inspectedAt().toEpochMilli());
            s.setBoolean(5, o.passed());
            s.executeUpdate();
        }
    }

    private static void update(Connection c, RequestOutcome o) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE request_outcome SET requester = ?, inspected_at = ?,"
                + " passed = ? WHERE agreement = ? AND request_id = ?")) {
            s.setString(1, o.requester());
            s.setLong(2, o.inspectedAt().toEpochMilli());
            s.setBoolean(3, o.passed());
            s.setString(4, o.agreementId());
            s.setString(5, o.requestId());
            s.executeUpdate();
        }
    }
}
