package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A file is offered once it stopped changing for a second of the gateway's own time, whatever its time stamp says. */
class QuietFilesTest {
    private static final Path FILE = Path.of("/outbox/IRS/IRS-DOJ-2024/a.csv");
    private static final long LONG_AGO = 0L;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final QuietFiles quiet = new QuietFiles(Duration.ofSeconds(1), nanos::get);

    @Test
    void aFileWhoseTimeStampIsLongPastStillWaitsForTheQuietPeriod() {
        // a share whose clock is far behind the gateway's: the time stamp alone would say "done long ago"
        assertThat(quiet.settled(FILE, 10, LONG_AGO)).isFalse();
        advance(Duration.ofMillis(999));
        assertThat(quiet.settled(FILE, 10, LONG_AGO)).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(quiet.settled(FILE, 10, LONG_AGO)).isTrue();
    }

    @Test
    void aFileThatGrowsOrIsTouchedStartsItsQuietPeriodAgain() {
        assertThat(quiet.settled(FILE, 10, 5)).isFalse();
        advance(Duration.ofMillis(800));
        assertThat(quiet.settled(FILE, 20, 5)).as("grown").isFalse();
        advance(Duration.ofMillis(800));
        assertThat(quiet.settled(FILE, 20, 6)).as("touched").isFalse();
        advance(Duration.ofMillis(800));
        assertThat(quiet.settled(FILE, 20, 6)).isFalse();
        advance(Duration.ofMillis(200));
        assertThat(quiet.settled(FILE, 20, 6)).isTrue();
    }

    @Test
    void filesNotSeenForAMinuteAreForgotten() {
        quiet.settled(FILE, 10, 5);
        quiet.settled(FILE.resolveSibling("b.csv"), 10, 5);
        advance(Duration.ofSeconds(30));
        quiet.settled(FILE, 11, 5);
        advance(Duration.ofSeconds(31));

        quiet.forgetGone();

        assertThat(quiet.remembered()).isEqualTo(1);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
