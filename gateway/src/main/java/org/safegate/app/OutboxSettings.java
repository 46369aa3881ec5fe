package org.safegate.app;

import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

/** How the outboxes are worked, as the settings configure it. */
final class OutboxSettings {
    /** Default largest file taken from an outbox (safegate.max-file-bytes). */
    static final long DEFAULT_MAX_FILE_BYTES = 4L * 1024 * 1024 * 1024;
    /**
     * Default number of files of one outbox in progress at once (safegate.outbox.lanes): while one
     * file waits for a commit or a disk sync, others work, and the waits of many share one commit.
     */
    static final int DEFAULT_LANES = 8;

    private OutboxSettings() {
    }

    /** {@code safegate.max-file-bytes}: the largest file taken from an outbox. */
    static long maxFileBytes(Settings settings) {
        return settings.get("safegate.max-file-bytes").map(Long::parseLong).orElse(DEFAULT_MAX_FILE_BYTES);
    }

    /** {@code safegate.outbox.lanes}: a whole number from 1 to 64, or the default. */
    static int lanes(Settings settings) {
        Optional<String> value = settings.get("safegate.outbox.lanes").map(String::strip);
        if (value.isEmpty()) {
            return DEFAULT_LANES;
        }
        try {
            int lanes = Integer.parseInt(value.get());
            if (lanes >= 1 && lanes <= 64) {
                return lanes;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                "safegate.outbox.lanes must be a whole number from 1 to 64, found '" + value.get() + "'");
    }
}
