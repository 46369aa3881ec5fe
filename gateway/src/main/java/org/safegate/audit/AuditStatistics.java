package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;

/**
 * Figures over the transfer outcomes in the audit store (for monitoring): how many transfers ended
 * each way, with which reason codes, and how many bytes. Counted in the database, never in memory.
 */
public final class AuditStatistics {
    /** Transfers that ended with one type and one set of reason codes. */
    public record OutcomeCount(AuditEventType type, List<String> reasons, long transfers, long bytes) {
    }

    private final Database database;

    public AuditStatistics(Database database) {
        this.database = database;
    }

    public List<OutcomeCount> outcomes() {
        String types = Arrays.stream(AuditEventType.values()).filter(AuditEventType::isTransferOutcome)
                .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
        List<OutcomeCount> counts = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT event_type, reason_codes, COUNT(*), SUM(size_bytes)"
                     + " FROM audit_event WHERE event_type IN (" + types + ") GROUP BY event_type, reason_codes");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String reasons = rows.getString(2);
                counts.add(new OutcomeCount(AuditEventType.valueOf(rows.getString(1)),
                        reasons == null || reasons.isBlank() ? List.of() : List.of(reasons.trim().split(" +")),
                        rows.getLong(3), rows.getLong(4)));
            }
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot count transfer outcomes: " + e.getMessage(), e);
        }
        return counts;
    }
}
