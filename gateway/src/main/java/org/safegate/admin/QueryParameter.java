package org.safegate.admin;

import java.util.List;
import java.util.Optional;

/**
 * One query parameter an operation accepts, as the OpenAPI document declares it: a name, its type
 * ({@code string}, {@code integer}, or a {@code date} as YYYY-MM-DD), the values it may take (none:
 * any), its bounds for an integer, and whether it is required. Every other parameter is refused.
 */
public record QueryParameter(String name, String type, List<String> values, Integer minimum, Integer maximum,
                             boolean required, String description) {
    public QueryParameter {
        values = List.copyOf(values);
    }

    static QueryParameter text(String name, String description) {
        return new QueryParameter(name, "string", List.of(), null, null, false, description);
    }

    static QueryParameter date(String name, String description) {
        return new QueryParameter(name, "date", List.of(), null, null, false, description);
    }

    static QueryParameter integer(String name, int minimum, int maximum, String description) {
        return new QueryParameter(name, "integer", List.of(), minimum, maximum, false, description);
    }

    static QueryParameter oneOf(String name, boolean required, String description, String... values) {
        return new QueryParameter(name, "string", List.of(values), null, null, required, description);
    }

    public Optional<Integer> min() {
        return Optional.ofNullable(minimum);
    }

    public Optional<Integer> max() {
        return Optional.ofNullable(maximum);
    }

    /** The audit filters of {@code safegate audit list}, shared by the audit listing and export. */
    static List<QueryParameter> auditFilters() {
        return List.of(text("agency", "events naming this agency as provider or recipient"),
                text("agreement", "events under this agreement"),
                oneOf("outcome", false, "transfers ending so", "delivered", "denied", "quarantined", "failed"),
                text("reason", "events with this reason code"),
                date("from", "first UTC day, inclusive"), date("to", "last UTC day, inclusive"),
                text("transfer", "events of this transfer id"));
    }
}
