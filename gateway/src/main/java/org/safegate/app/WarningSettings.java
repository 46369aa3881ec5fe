package org.safegate.app;

import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import org.safegate.policy.UpcomingWindow;

/** How far ahead the running gateway warns of what stops being current, as the settings configure it. */
final class WarningSettings {
    static final int DEFAULT_WITHIN_DAYS = 30;

    private WarningSettings() {
    }

    /**
     * {@code safegate.warnings.within-days}: a whole number of days from 0 (no warnings) to 3660,
     * default {@value #DEFAULT_WITHIN_DAYS}; anything else stops the start, naming the key.
     */
    static Optional<UpcomingWindow> within(Settings settings) {
        String key = GatewayConfig.WARNINGS_WITHIN_DAYS;
        Optional<String> value = settings.get(key).map(String::strip);
        int days = DEFAULT_WITHIN_DAYS;
        if (value.isPresent()) {
            try {
                days = Integer.parseInt(value.get());
            } catch (NumberFormatException notANumber) {
                days = -1;
            }
            if (days < 0 || days > 3660) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, key
                        + " must be a whole number of days from 0 (no warnings) to 3660, found '" + value.get() + "'");
            }
        }
        return days == 0 ? Optional.empty() : Optional.of(UpcomingWindow.ofDays(days));
    }
}
