package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The node registry ({@code gateway_node}): every gateway that ran on this store, its last
 * heartbeat and what it reported then. Each node writes only its own row; anyone may read them all.
 */
public final class GatewayNodes {
    /** Heartbeats a running node may miss before it is shown as silent. */
    public static final int MISSED_BEATS = 3;

    /** How a node stands: RUNNING and heard from lately, RUNNING in its row but silent, or STOPPED cleanly. */
    public enum State { RUNNING, SILENT, STOPPED }

    /** One node's row. */
    public record Node(String id, String host, long pid, String version, Instant startedAt, Instant lastHeartbeat,
                       Duration heartbeat, String policyVersion, int inFlight, boolean stopped) {
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
            Objects.requireNonNull(heartbeat, "heartbeat");
            Objects.requireNonNull(policyVersion, "policyVersion");
        }

        /** Silent once its last heartbeat is more than {@value #MISSED_BEATS} of its own heartbeats old. */
        public State state(Instant now) {
            if (stopped) {
                return State.STOPPED;
            }
            boolean silent = lastHeartbeat.plus(heartbeat.multipliedBy(MISSED_BEATS)).isBefore(now);
            return silent ? State.SILENT : State.RUNNING;
        }
    }

    private final Database database;

    public GatewayNodes(Database database) {
        this.database = database;
    }

    /** Records the node as running from {@code node.startedAt()}, replacing its row of an earlier run. */
    public void register(Node node) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM gateway_node WHERE node_id = ?")) {
                    s.setString(1, node.id());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO gateway_node (node_id, host, pid, version,"
                        + " started_at, last_heartbeat, heartbeat_millis, policy_version, in_flight, state)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, node.id());
                    s.setString(2, node.host());
                    s.setLong(3, node.pid());
                    s.setString(4, node.version());
                    s.setLong(5, node.startedAt().toEpochMilli());
                    s.setLong(6, node.lastHeartbeat().toEpochMilli());
                    s.setLong(7, node.heartbeat().toMillis());
                    s.setString(8, node.policyVersion());
                    s.setInt(9, node.inFlight());
                    s.setString(10, node.stopped() ? "stopped" : "running");
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("register node " + node.id(), e);
        }
    }

    /**
     * Records a heartbeat of a running node; false when it has no running row (never registered, or
     * stopped already: a late beat does not bring a stopped node back).
     */
    public boolean heartbeat(String id, Instant at, String policyVersion, int inFlight) {
        return update(id, "UPDATE gateway_node SET last_heartbeat = ?, policy_version = ?, in_flight = ?"
                + " WHERE node_id = ? AND state = 'running'", at, policyVersion, inFlight);
    }

    /** Records a clean stop, with what was in flight then. */
    public boolean stopped(String id, Instant at, String policyVersion, int inFlight) {
        return update(id, "UPDATE gateway_node SET last_heartbeat = ?, policy_version = ?, in_flight = ?,"
                + " state = 'stopped' WHERE node_id = ?", at, policyVersion, inFlight);
    }

    private boolean update(String id, String sql, Instant at, String policyVersion, int inFlight) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, at.toEpochMilli());
            s.setString(2, policyVersion);
            s.setInt(3, inFlight);
            s.setString(4, id);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("record the heartbeat of node " + id, e);
        }
    }

    /** Every node, by id. */
    public List<Node> all() {
        String sql = "SELECT node_id, host, pid, version, started_at, last_heartbeat, heartbeat_millis, policy_version,"
                + " in_flight, state FROM gateway_node ORDER BY node_id";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            List<Node> nodes = new ArrayList<>();
            while (r.next()) {
                nodes.add(new Node(r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                        Instant.ofEpochMilli(r.getLong(5)), Instant.ofEpochMilli(r.getLong(6)),
                        Duration.ofMillis(r.getLong(7)), r.getString(8), r.getInt(9),
                        "stopped".equals(r.getString(10))));
            }
            return nodes;
        } catch (SQLException e) {
            throw failure("read the node registry", e);
        }
    }

    private static SafegateException failure(String what, SQLException e) {
        return new SafegateException(ErrorCode.STORE_FAILURE, "cannot " + what + ": " + e.getMessage(), e);
    }
}
