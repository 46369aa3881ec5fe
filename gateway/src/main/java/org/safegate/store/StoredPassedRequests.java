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
     * Records several outcomes in one transaction, as one JDBC batch. An id already recorded takes
     * the new outcome unless that would turn a pass into a refusal: a request that once passed
     * stays answerable (the same rule, in the same statement, on SQLite and PostgreSQL).
     */
    public void recordAll(java.util.List<RequestOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        inTransaction("record the outcomes of requests from " + outcomes.get(0).requestId(), c -> upsertAll(c, outcomes));
    }

    private static void upsertAll(Connection c, java.util.List<RequestOutcome> outcomes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO request_outcome (agreement, request_id, requester,"
                + " inspected_at, passed) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (agreement, request_id) DO UPDATE SET requester = excluded.requester,"
                + " inspected_at = excluded.inspected_at, passed = excluded.passed"
                + " WHERE excluded.passed OR NOT request_outcome.passed")) {
            for (RequestOutcome o : outcomes) {
                s.setString(1, o.agreementId());
                s.setString(2, o.requestId());
                s.setString(3, o.requester());
                s.setLong(4, o.inspectedAt().toEpochMilli());
                s.setBoolean(5, o.passed());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Stages outcomes of the inspection {@code inspection}, in one transaction; see {@link BatchedPassedRequests}. */
    void stage(String inspection, java.util.List<RequestOutcome> outcomes) {
        inTransaction("stage the outcomes of requests from " + outcomes.get(0).requestId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO request_outcome_staging (inspection, agreement,"
                    + " request_id, requester, inspected_at, passed) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (RequestOutcome o : outcomes) {
                    s.setString(1, inspection);
                    s.setString(2, o.agreementId());
                    s.setString(3, o.requestId());
                    s.setString(4, o.requester());
                    s.setLong(5, o.inspectedAt().toEpochMilli());
                    s.setBoolean(6, o.passed());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /**
     * Moves the staged outcomes of the inspection into the recorded ones, in one transaction and in
     * key order (so each page of the key's index is written once, not once per row). An id staged
     * more than once (a file that names it twice) counts as passed if it passed once; the rule of
     * {@link #recordAll} applies against what earlier files recorded.
     */
    void commitStaged(String inspection) {
        String anyPassed = database.dialect() == Dialect.POSTGRESQL ? "bool_or(passed)" : "max(passed)";
        inTransaction("record the outcomes of inspection " + inspection, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO request_outcome (agreement, request_id,"
                    + " requester, inspected_at, passed) SELECT agreement, request_id, max(requester), max(inspected_at), "
                    + anyPassed + " FROM request_outcome_staging WHERE inspection = ? GROUP BY agreement, request_id"
                    + " ORDER BY agreement, request_id"
                    + " ON CONFLICT (agreement, request_id) DO UPDATE SET requester = excluded.requester,"
                    + " inspected_at = excluded.inspected_at, passed = excluded.passed"
                    + " WHERE excluded.passed OR NOT request_outcome.passed")) {
                s.setString(1, inspection);
                s.executeUpdate();
            }
            deleteStaged(c, inspection);
        });
    }

    /** Drops what an earlier attempt at the inspection staged and never committed. */
    void dropStaged(String inspection) {
        inTransaction("drop the staged outcomes of inspection " + inspection, c -> deleteStaged(c, inspection));
    }

    private static void deleteStaged(Connection c, String inspection) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM request_outcome_staging WHERE inspection = ?")) {
            s.setString(1, inspection);
            s.executeUpdate();
        }
    }

    private interface Step {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, Step step) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                step.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw TransferJournal.failure(what, e);
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

    /**
     * The agreements under which a request with this id was inspected (passed or refused). The key
     * begins with the agreement, so each of the few agreements is stepped through on the index
     * (a recursive query: a loose index scan on SQLite and PostgreSQL alike) and looked up with the
     * id, instead of scanning every outcome or indexing the ids a second time.
     */
    public java.util.List<String> agreementsWith(String requestId) {
        String sql = "WITH RECURSIVE a(agreement) AS (SELECT MIN(agreement) FROM request_outcome"
                + " UNION ALL SELECT (SELECT MIN(o.agreement) FROM request_outcome o WHERE o.agreement > a.agreement)"
                + " FROM a WHERE a.agreement IS NOT NULL)"
                + " SELECT a.agreement FROM a WHERE a.agreement IS NOT NULL AND EXISTS (SELECT 1 FROM request_outcome o"
                + " WHERE o.agreement = a.agreement AND o.request_id = ?) ORDER BY a.agreement";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, requestId);
            java.util.List<String> agreements = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    agreements.add(r.getString(1));
                }
            }
            return agreements;
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
}
