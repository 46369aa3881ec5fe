package org.safegate.cli;

import java.lang.reflect.Constructor;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Creates the commands and gives those that read the time the command line's clock, so that one
 * clock decides "today" for a whole invocation (and a test can run any command on another day).
 */
final class ClockFactory implements CommandLine.IFactory {
    private final Clock clock;

    ClockFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withClock;
        try {
            withClock = type.getDeclaredConstructor(Clock.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        withClock.setAccessible(true);
        return withClock.newInstance(clock);
    }
}
