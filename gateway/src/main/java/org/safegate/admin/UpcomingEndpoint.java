package org.safegate.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.safegate.policy.UpcomingChange;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.UpcomingWindow;

/** {@code GET /api/policy/upcoming}: what stops being current within a period, as {@code policy check --within}. */
final class UpcomingEndpoint {
    /** The period when {@code within} is not given: the default of the gateway's daily warnings. */
    static final UpcomingWindow DEFAULT_WITHIN = UpcomingWindow.ofDays(30);

    private final AdminServices services;
    private final UpcomingChanges changes;

    /** The members of {@code policy check --within --json}. */
    record Upcoming(String at, String within, String until, List<Item> upcoming) {
    }

    /** {@code agency} is {@code null} for the gateway's own material, {@code agreement} unless an agreement ends. */
    record Item(String day, long inDays, String agency, String agreement, String kind, String reason, String what) {
        static Item of(LocalDate from, UpcomingChange change) {
            return new Item(change.day().toString(), ChronoUnit.DAYS.between(from, change.day()),
                    change.agency().orElse(null), change.agreement().orElse(null), change.kind().name(),
                    change.kind().reasonCode(), change.what());
        }
    }

    UpcomingEndpoint(AdminServices services) {
        this.services = services;
        this.changes = UpcomingChanges.forKeyStore(services.keys(), services.gate().recalls());
    }

    ApiResponse upcoming(ApiRequest request) {
        LocalDate day = request.query("at").map(UpcomingEndpoint::date)
                .orElse(LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC));
        UpcomingWindow within = request.query("within").map(UpcomingEndpoint::window).orElse(DEFAULT_WITHIN);
        List<Item> items = changes.within(services.policies().get(), day, within).stream()
                .map(change -> Item.of(day, change)).toList();
        return Json.ok(new Upcoming(day.toString(), within.toString(), within.until(day).toString(), items));
    }

    private static UpcomingWindow window(String text) {
        try {
            return UpcomingWindow.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("within", "within: " + e.getMessage());
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput("at", "at must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
