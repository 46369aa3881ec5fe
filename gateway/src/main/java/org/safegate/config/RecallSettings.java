package org.safegate.config;

import java.time.DateTimeException;
import java.time.Period;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** Settings of recalls: {@code safegate.recall.default-due}, the holders' time to dispose when a recall names none. */
public final class RecallSettings {
    public static final String DEFAULT_DUE = "safegate.recall.default-due";
    private static final Period FALLBACK = Period.ofDays(30);

    private RecallSettings() {
    }

    /** The setting as a positive ISO period (default P30D); anything else stops the start, naming the key. */
    public static Period defaultDue(Settings settings) {
        Optional<String> text = settings.get(DEFAULT_DUE).map(String::strip);
        if (text.isEmpty()) {
            return FALLBACK;
        }
        try {
            Period period = Period.parse(text.get());
            if (!period.isNegative() && !period.isZero()) {
                return period;
            }
        } catch (DateTimeException notAPeriod) {
            // reported below with the accepted form
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, DEFAULT_DUE + " must be a positive ISO-8601 period"
                + " such as P30D, not '" + text.get() + "'");
    }
}
