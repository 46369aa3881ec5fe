package org.safegate.audit;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

/**
 * How the audit log checkpoints and retains.
 *
 * @param checkpointEvery    sign the chain head at least every this many events
 *                           ({@code safegate.audit.checkpoint-events}, default 1000)
 * @param checkpointInterval and at least this often while events arrive
 *                           ({@code safegate.audit.checkpoint-seconds}, default 60)
 * @param retention          events older than this may be archived ({@code safegate.audit.retention-years}, default 7)
 * @param maxBatch           most appends committed together (group commit)
 */
public record AuditSettings(int checkpointEvery, Duration checkpointInterval, Period retention, int maxBatch) {
    public static final AuditSettings DEFAULTS = new AuditSettings(1000, Duration.ofSeconds(60), Period.ofYears(7), 512);

    public AuditSettings {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(retention, "retention");
        if (checkpointEvery < 1 || maxBatch < 1 || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpoint settings and batch size must be positive");
        }
    }

    public static AuditSettings from(Settings settings) {
        return new AuditSettings(
                (int) number(settings, "safegate.audit.checkpoint-events", DEFAULTS.checkpointEvery),
                Duration.ofSeconds(number(settings, "safegate.audit.checkpoint-seconds",
                        DEFAULTS.checkpointInterval.toSeconds())),
                Period.ofYears((int) number(settings, "safegate.audit.retention-years", DEFAULTS.retention.getYears())),
                DEFAULTS.maxBatch);
    }

    private static long number(Settings settings, String key, long fallback) {
        String value = settings.get(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 1 || number > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, key + " must be a positive whole number, not '"
                    + value + "'");
        }
    }
}
