package org.safegate.policy;

import java.time.MonthDay;
import java.time.Period;
import java.util.Objects;

/**
 * The numbers of the safeguard program. Defaults follow IRS Publication 1075; every one is a
 * setting because programs change.
 *
 * @param reviewMaxAge           a review older than this is stale (3 years)
 * @param ssrDue                 the day each year's SSR for the previous calendar year is due (January 31)
 * @param ssrGraceDays           days after the due date an SSR still counts as on time (0)
 * @param capMaxAge              a CAP not submitted or updated within this period is stale (6 months)
 * @param criticalMitigationDays days a critical finding may stay open (7)
 */
public record SafeguardSettings(Period reviewMaxAge, MonthDay ssrDue, int ssrGraceDays, Period capMaxAge,
                                int criticalMitigationDays) {

    public static final SafeguardSettings DEFAULTS =
            new SafeguardSettings(Period.ofYears(3), MonthDay.of(1, 31), 0, Period.ofMonths(6), 7);

    public SafeguardSettings {
        Objects.requireNonNull(reviewMaxAge, "reviewMaxAge");
        Objects.requireNonNull(ssrDue, "ssrDue");
        Objects.requireNonNull(capMaxAge, "capMaxAge");
        if (ssrGraceDays < 0 || criticalMitigationDays < 0) {
            throw new IllegalArgumentException("grace and mitigation days cannot be negative");
        }
        if (reviewMaxAge.isNegative() || reviewMaxAge.isZero() || capMaxAge.isNegative() || capMaxAge.isZero()) {
            throw new IllegalArgumentException("review and CAP periods must be positive");
        }
    }
}
