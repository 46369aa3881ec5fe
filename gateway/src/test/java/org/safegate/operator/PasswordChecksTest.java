package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** At most so many password hashes at once (each takes 64 MiB); one more is refused, not queued without end. */
class PasswordChecksTest {

    @Test
    void twoChecksRunAndAThirdArrives_resultTheThirdIsRefusedBusyWithoutRunning() throws Exception {
        PasswordChecks checks = new PasswordChecks(2, Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<Boolean> first = threads.submit(() -> checks.check(() -> hold(running, release)));
        Future<Boolean> second = threads.submit(() -> checks.check(() -> hold(running, release)));
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);

        AtomicInteger thirdRan = new AtomicInteger();
        assertThatThrownBy(() -> checks.check(thirdRan::incrementAndGet)).isInstanceOf(PasswordChecks.Busy.class);

        assertThat(thirdRan).hasValue(0);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(checks.check(() -> "a place is free again")).isEqualTo("a place is free again");
        threads.shutdown();
    }

    @Test
    void aCheckThatThrows_resultItsPlaceIsFreedAllTheSame() {
        PasswordChecks checks = new PasswordChecks(1, Duration.ZERO);

        assertThatThrownBy(() -> checks.check(() -> {
            throw new IllegalStateException("the realm failed");
        })).hasMessage("the realm failed");

        assertThat(checks.check(() -> 1)).isEqualTo(1);
    }

    private static boolean hold(AtomicInteger running, CountDownLatch release) {
        running.incrementAndGet();
        try {
            return release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
