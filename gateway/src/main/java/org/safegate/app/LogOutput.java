package org.safegate.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safegate.config.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code safegate.log.format} into effect. logback.xml configures text lines before the
 * configuration file is read, so JSON is switched on afterwards: every appender of the root logger
 * gets logback's own {@link JsonEncoder}; TEXT puts the encoders of logback.xml back.
 */
public final class LogOutput {
    /** The encoder each appender had before JSON was switched on. */
    private static final Map<OutputStreamAppender<ILoggingEvent>, Encoder<ILoggingEvent>> TEXT_ENCODERS =
            new ConcurrentHashMap<>();

    private LogOutput() {
    }

    public static synchronized void use(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (embedding): its own configuration decides
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                Encoder<ILoggingEvent> text = TEXT_ENCODERS.get(appender);
                if (format == LogFormat.JSON && text == null) {
                    TEXT_ENCODERS.put(appender, appender.getEncoder());
                    JsonEncoder json = new JsonEncoder();
                    json.setContext(context);
                    json.start();
                    swap(appender, json);
                } else if (format == LogFormat.TEXT && text != null) {
                    TEXT_ENCODERS.remove(appender);
                    swap(appender, text);
                }
            }
        }
    }

    private static void swap(OutputStreamAppender<ILoggingEvent> appender, Encoder<ILoggingEvent> encoder) {
        // not stopped and restarted: stopping closes the appender's stream, and a stopped appender drops lines
        appender.setEncoder(encoder);
    }
}
