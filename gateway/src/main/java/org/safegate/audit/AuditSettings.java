package org.safegate.audit;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

/**
 * How the audit log names itself, hands out checkpoints and retains events.
 *
 * @param origin            the log's identity in its checkpoints ({@code safegate.audit.origin},
 *                          default {@code safegate.local/audit}); also the checkpoint key's name
 * @param inboxCheckpoints  how often, at most, the latest checkpoint is dropped into every agency's
 *                          inbox while the log grows ({@code safegate.audit.inbox-checkpoint-minutes}, default 60)
 * @param retention         events older than this may be archived ({@code safegate.audit.retention-years}, default 7)
 * @param maxBatch          most appends committed together (group commit), each commit signed once
 */
public record AuditSettings(String origin, Duration inboxCheckpoints, Period retention, int maxBatch) {
    public static final String DEFAULT_ORIGIN = "safegate.local/audit";
    public static final AuditSettings DEFAULTS =
            new AuditSettings(DEFAULT_ORIGIN, Duration.ofMinutes(60), Period.ofYears(7), 512);
    /** Keys of the time when checkpoints were periodic; every commit is signed now, so they change nothing. */
    static final String[] RETIRED = {"safegate.audit.checkpoint-events", "safegate.audit.checkpoint-seconds"};

    public AuditSettings {
        Objects.requireNonNull(inboxCheckpoints, "inboxCheckpoints");
        Objects.requireNonNull(retention, "retention");
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "safegate.audit.origin must be a name without"
                    + " spaces or '+', such as irs.example.gov/safegate-audit, not '" + origin + "'");
        }
        if (maxBatch < 1 || inboxCheckpoints.isNegative() || inboxCheckpoints.isZero()) {
            throw new IllegalArgumentException("the inbox checkpoint interval and batch size must be positive");
        }
    }

    public static AuditSettings from(Settings settings) {
        for (String key : RETIRED) {
            settings.get(key).ifPresent(value -> number(settings, key, 1));
        }
        return new AuditSettings(settings.get("safegate.audit.origin").orElse(DEFAULT_ORIGIN),
                Duration.ofMinutes(number(settings, "safegate.audit.inbox-checkpoint-minutes",
                        DEFAULTS.inboxCheckpoints.toMinutes())),
                Period.ofYears((int) number(settings, "safegate.audit.retention-years", DEFAULTS.retention.getYears())),
                DEFAULTS.maxBatch);
    }

    /** The same settings with another batch size (tests and benchmarks size their commits). */
    public AuditSettings withMaxBatch(int batch) {
        return new AuditSettings(origin, inboxCheckpoints, retention, batch);
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
