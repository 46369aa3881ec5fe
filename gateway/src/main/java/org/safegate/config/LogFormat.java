package org.safegate.config;

import java.util.Locale;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** How the gateway writes its log ({@code safegate.log.format}): plain text lines (default) or JSON lines. */
public enum LogFormat {
    TEXT, JSON;

    public static final String KEY = "safegate.log.format";

    public static LogFormat from(Settings settings) {
        String value = settings.get(KEY).orElse("text");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new SafegateException(ErrorCode.INVALID_ARGUMENT, KEY + " must be text or json, found '"
                    + value + "'" + settings.sourceOf(KEY).map(source -> " (from " + source + ")").orElse(""));
        };
    }
}
