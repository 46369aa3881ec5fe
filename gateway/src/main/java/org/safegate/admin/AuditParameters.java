package org.safegate.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.TransferOutcome;

/**
 * The audit filters of the CLI ({@code agency, agreement, outcome, reason, from, to, transfer}) as
 * query parameters. Dates are UTC days, both inclusive. An unknown parameter is refused before
 * (by {@link ApiOperation}), so a typo never widens a query silently.
 */
final class AuditParameters {
    private AuditParameters() {
    }

    static AuditQuery query(ApiRequest request) {
        Optional<LocalDate> from = request.query("from").map(v -> date("from", v));
        Optional<LocalDate> to = request.query("to").map(v -> date("to", v));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiProblem.badInput("to", "to is before from");
        }
        return new AuditQuery(request.query("agency"), request.query("agreement"),
                request.query("outcome").map(AuditParameters::outcome).map(TransferOutcome::types).orElse(Set.of()),
                request.query("reason"), from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), request.query("transfer"));
    }

    static Optional<LocalDate> day(ApiRequest request, String name) {
        return request.query(name).map(v -> date(name, v));
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput(field, field + " must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }

    static int number(ApiRequest request, String field, int fallback, int max) {
        Optional<String> text = request.query(field);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiProblem.badInput(field, field + " must be a whole number from 1 to " + max);
    }

    private static TransferOutcome outcome(String text) {
        try {
            return TransferOutcome.valueOf(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("outcome", "outcome must be delivered, denied, quarantined or failed, not '"
                    + text + "'");
        }
    }
}
