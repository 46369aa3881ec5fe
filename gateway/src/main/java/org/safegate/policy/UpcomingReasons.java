package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When an agency stops being current for a reason it is not given today (a review grows stale, an
 * SSR or a CAP update falls due, a CAP item's date passes, its certificate expires): the first day
 * within the horizon on which the standing rules give each such reason, as far as the record on
 * file says, that is, if no new safeguard event is recorded and no certificate replaced meanwhile.
 * <p>
 * Asks the rules themselves rather than repeating them: with the record unchanged a reason, once
 * given, is given on every later day (time only makes a record older), so the first day of each
 * reason is found by bisection between today and the horizon, a handful of questions per reason.
 */
public final class UpcomingReasons {
    /** How far ahead: a year covers every yearly filing and review cycle. */
    public static final int HORIZON_DAYS = 365;

    /** A reason the agency will be given from {@code day} on. */
    public record Upcoming(ReasonCode code, LocalDate day, String message) {
    }

    private UpcomingReasons() {
    }

    /** Every reason {@code agency} is not given today but will be within the horizon, soonest first. */
    public static List<Upcoming> of(SafeguardGate gate, String agency, LocalDate today) {
        Set<ReasonCode> now = gate.status(agency, today).codes();
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        List<Upcoming> upcoming = new ArrayList<>();
        for (ReasonCode code : gate.status(agency, horizon).codes()) {
            if (!now.contains(code)) {
                upcoming.add(firstDay(gate, agency, code, today, horizon));
            }
        }
        upcoming.sort(Comparator.comparing(Upcoming::day).thenComparing(Upcoming::code));
        return upcoming;
    }

    /** Bisects for the first day after {@code without} (not given) up to {@code with} (given). */
    private static Upcoming firstDay(SafeguardGate gate, String agency, ReasonCode code, LocalDate without,
                                     LocalDate with) {
        LocalDate low = without;
        LocalDate high = with;
        while (low.plusDays(1).isBefore(high)) {
            LocalDate middle = low.plusDays((high.toEpochDay() - low.toEpochDay()) / 2);
            if (reason(gate, agency, code, middle).isPresent()) {
                high = middle;
            } else {
                low = middle;
            }
        }
        Reason reason = reason(gate, agency, code, high).orElseThrow();
        return new Upcoming(code, high, reason.message());
    }

    private static Optional<Reason> reason(SafeguardGate gate, String agency, ReasonCode code, LocalDate day) {
        return gate.status(agency, day).reasons().stream().filter(r -> r.code() == code).findFirst();
    }
}
