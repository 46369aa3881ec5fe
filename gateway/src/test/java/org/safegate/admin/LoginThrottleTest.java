package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safegate.audit.MutableClock;

/** Failed logins per operator id and per client address, within a sliding period. */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5), clock);

    @Test
    void theThirdFailureForOneIdLocksItOutUntilTheFirstIsOlderThanThePeriod() {
        assertThat(throttle.failed("ann", "10.0.0.1")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.failed("ann", "10.0.0.2")).isFalse();
        assertThat(throttle.waitFor("ann", "10.0.0.3")).isEmpty();
        assertThat(throttle.failed("ann", "10.0.0.3")).as("this failure starts the lockout").isTrue();

        assertThat(throttle.waitFor("ann", "10.0.0.9")).hasValue(Duration.ofMinutes(4));
        assertThat(throttle.waitFor("bob", "10.0.0.9")).isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.waitFor("ann", "10.0.0.9")).isEmpty();
    }

    @Test
    void oneAddressTryingManyIdsIsLockedOutWhateverTheId() {
        for (String id : new String[] {"a", "b", "c", "d"}) {
            throttle.failed(id, "10.0.0.1");
        }
        assertThat(throttle.waitFor("e", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("e", "10.0.0.1")).isTrue();

        assertThat(throttle.waitFor("f", "10.0.0.1")).hasValue(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("f", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheIdsFailuresButNotTheAddresss() {
        throttle.failed("ann", "10.0.0.1");
        throttle.failed("ann", "10.0.0.1");
        throttle.succeeded("ann");
        throttle.failed("ann", "10.0.0.1");
        throttle.failed("ann", "10.0.0.1");

        assertThat(throttle.waitFor("ann", "10.0.0.2")).isEmpty();
        throttle.failed("zed", "10.0.0.1");
        assertThat(throttle.waitFor("anyone", "10.0.0.1")).isPresent();
    }
}
