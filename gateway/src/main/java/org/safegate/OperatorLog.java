package org.safegate;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The lines an operator reads: what the gateway started with, each transfer's outcome, holds,
 * policy reloads and the summary on stop. They go to the loggers under {@code safegate} (INFO by
 * default, while libraries log only warnings), as {@code EVENT key=value ...}: the same pairs are
 * attached as key-value pairs, so the JSON format carries them as fields too. Never payload content.
 */
public final class OperatorLog {
    /** The parent of every operator logger; logback.xml keeps it at INFO. */
    public static final String ROOT = "safegate";

    private OperatorLog() {
    }

    /** The operator logger of one topic ({@code safegate.transfer}, {@code safegate.policy}, ...). */
    public static Logger logger(String topic) {
        return LoggerFactory.getLogger(ROOT + "." + topic);
    }

    public static Line line(String event) {
        return new Line(event);
    }

    /** One line: an event word and its fields in the order given. */
    public static final class Line {
        private final String event;
        private final List<String[]> fields = new ArrayList<>();

        private Line(String event) {
            this.event = event;
        }

        /** Adds a field; a null value is left out. */
        public Line with(String key, Object value) {
            if (value != null) {
                fields.add(new String[] {key, String.valueOf(value)});
            }
            return this;
        }

        public void info(Logger logger) {
            log(logger.atInfo());
        }

        public void warn(Logger logger) {
            log(logger.atWarn());
        }

        private void log(LoggingEventBuilder builder) {
            builder.addKeyValue("event", event);
            fields.forEach(field -> builder.addKeyValue(field[0], field[1]));
            builder.log(text());
        }

        /** {@code EVENT key=value key="a value"}: quoted when empty or holding spaces, quotes or '='. */
        public String text() {
            StringBuilder text = new StringBuilder(event);
            fields.forEach(field -> text.append(' ').append(field[0]).append('=').append(quoted(field[1])));
            return text.toString();
        }

        private static String quoted(String value) {
            String clean = value.replaceAll("\\p{Cntrl}", "?");
            if (!clean.isEmpty() && clean.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c == '\\')) {
                return clean;
            }
            return '"' + clean.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }
}
