package org.safegate.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.safegate.store.Dialect;

/** Turns an {@link AuditQuery} into a WHERE clause with bound parameters (never concatenated values). */
record AuditQuerySql(String where, List<Object> parameters) {

    static AuditQuerySql of(AuditQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.agency().ifPresent(agency -> {
            clauses.add("(actor = ? OR provider = ? OR recipient = ?)");
            parameters.add(agency);
            parameters.add(agency);
            parameters.add(agency);
        });
        query.agreement().ifPresent(agreement -> {
            clauses.add("agreement = ?");
            parameters.add(agreement);
        });
        if (!query.types().isEmpty()) {
            clauses.add("event_type IN (" + query.types().stream().map(t -> "?").collect(Collectors.joining(", ")) + ")");
            query.types().stream().map(Enum::name).sorted().forEach(parameters::add);
        }
        query.reason().ifPresent(reason -> {
            // codes are stored space-separated; pad so that a code matches only whole
            clauses.add("(' ' || reason_codes || ' ') LIKE ?");
            parameters.add("% " + reason + " %");
        });
        query.from().ifPresent(from -> {
            clauses.add("event_time >= ?");
            parameters.add(from);
        });
        query.to().ifPresent(to -> {
            clauses.add("event_time < ?");
            parameters.add(to);
        });
        query.transfer().ifPresent(transfer -> {
            clauses.add("transfer_id = ?");
            parameters.add(transfer);
        });
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        return new AuditQuerySql(where, List.copyOf(parameters));
    }

    void bind(PreparedStatement statement, Dialect dialect) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) instanceof Instant time) {
                dialect.bindTime(statement, i + 1, time);
            } else {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }
}
