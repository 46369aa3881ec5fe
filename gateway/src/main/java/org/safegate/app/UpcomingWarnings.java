package org.safegate.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.policy.UpcomingChange;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.UpcomingWindow;
import org.safegate.policy.model.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway's daily warnings: one WARN line for each change within the window
 * ({@code safegate.warnings.within-days}), on the first check of each UTC day by the gateway's
 * clock. The routes check often (at start, then every minute), so the lines come at start and
 * shortly after each midnight, never twice in a day.
 */
final class UpcomingWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(UpcomingWarnings.class);

    private final UpcomingChanges changes;
    private final Supplier<PolicySet> policies;
    private final Clock clock;
    private final Optional<UpcomingWindow> window;
    private LocalDate warnedOn;

    /** {@code window} empty: the warnings are off. */
    UpcomingWarnings(UpcomingChanges changes, Supplier<PolicySet> policies, Clock clock,
                     Optional<UpcomingWindow> window) {
        this.changes = changes;
        this.policies = policies;
        this.clock = clock;
        this.window = window;
    }

    /** Logs the day's warnings unless this day's were logged already; returns how many lines it logged. */
    synchronized int warnIfNewDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (window.isEmpty() || today.equals(warnedOn)) {
            return 0;
        }
        List<UpcomingChange> upcoming = changes.within(policies.get(), today, window.get());
        // marked only once computed: a failure is retried at the next check instead of skipping the day
        warnedOn = today;
        for (UpcomingChange change : upcoming) {
            LOG.warn("{} stops being current on {} (in {} days): {} [{}]", change.subject(), change.day(),
                    ChronoUnit.DAYS.between(today, change.day()), change.what(), change.kind());
        }
        return upcoming.size();
    }
}
