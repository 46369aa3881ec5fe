package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safegate.audit.MutableClock;
import org.safegate.testing.TestClocks;

/**
 * Failed logins per client address and per operator id from one address: lockouts that double,
 * attempts admitted before their password is checked, and no lockout of an id for everyone.
 */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(TestClocks.CASE_DAY);
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(3, 5, Duration.ofMinutes(5), Duration.ofMinutes(60)), clock);

    @Test
    void guessesAtTheOfficersPasswordFromOneAddress_resultThatAddressWaitsAndTheOfficerLogsInFromAnother() {
        fail("officer", "203.0.113.9");
        clock.advance(Duration.ofMinutes(1));
        fail("officer", "203.0.113.9");
        assertThat(throttle.admit("officer", "203.0.113.9")).isInstanceOf(LoginThrottle.Attempt.class)
                .satisfies(a -> assertThat(((LoginThrottle.Attempt) a).failed()).as("starts the lockout").isTrue());

        assertThat(throttle.admit("officer", "203.0.113.9")).isEqualTo(new LoginThrottle.Wait(Duration.ofMinutes(5)));
        assertThat(throttle.admit("officer", "10.1.1.1")).as("the id is not locked for everyone")
                .isInstanceOf(LoginThrottle.Attempt.class);
        assertThat(throttle.admit("auditor", "203.0.113.9")).isInstanceOf(LoginThrottle.Attempt.class);
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.admit("officer", "203.0.113.9")).isInstanceOf(LoginThrottle.Attempt.class);
    }

    @Test
    void oneAddressTryingManyIds_resultTheAddressWaitsWhateverTheId() {
        for (String id : List.of("a", "b", "c", "d")) {
            fail(id, "10.0.0.1");
        }
        assertThat(((LoginThrottle.Attempt) throttle.admit("e", "10.0.0.1")).failed()).isTrue();

        assertThat(throttle.admit("admin", "10.0.0.1")).isEqualTo(new LoginThrottle.Wait(Duration.ofMinutes(5)));
        assertThat(throttle.admit("admin", "10.0.0.2")).isInstanceOf(LoginThrottle.Attempt.class);
    }

    @Test
    void anAddressThatKeepsGuessing_resultEachLockoutLastsTwiceTheLastUpToTheCeiling() {
        List<Duration> lockouts = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 3; i++) {
                fail("officer", "203.0.113.9");
            }
            LoginThrottle.Wait wait = (LoginThrottle.Wait) throttle.admit("officer", "203.0.113.9");
            lockouts.add(wait.duration());
            clock.advance(wait.duration());
        }

        assertThat(lockouts).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(40), Duration.ofMinutes(60), Duration.ofMinutes(60));
        clock.advance(Duration.ofMinutes(60));
        for (int i = 0; i < 3; i++) {
            fail("officer", "203.0.113.9");
        }
        assertThat(throttle.admit("officer", "203.0.113.9")).as("quiet for a whole ceiling: it starts afresh")
                .isEqualTo(new LoginThrottle.Wait(Duration.ofMinutes(5)));
    }

    @Test
    void attemptsStillBeingChecked_resultTheyCountSoParallelGuessesCannotPassTheLimit() {
        List<LoginThrottle.Admission> parallel = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parallel.add(throttle.admit("officer", "203.0.113.9"));
        }

        assertThat(parallel).hasSize(5).filteredOn(a -> a instanceof LoginThrottle.Attempt).hasSize(3);
        assertThat(parallel.get(3)).isEqualTo(new LoginThrottle.Wait(Duration.ofSeconds(1)));
        ((LoginThrottle.Attempt) parallel.get(0)).abandoned();
        assertThat(throttle.admit("officer", "203.0.113.9")).as("an abandoned attempt gives its place back")
                .isInstanceOf(LoginThrottle.Attempt.class);
    }

    @Test
    void aSuccessfulLogin_resultTheIdsFailuresFromThatAddressAreForgottenButNotTheAddresss() {
        fail("officer", "10.0.0.1");
        fail("officer", "10.0.0.1");
        ((LoginThrottle.Attempt) throttle.admit("officer", "10.0.0.1")).succeeded();
        fail("officer", "10.0.0.1");
        fail("officer", "10.0.0.1");

        assertThat(throttle.admit("officer", "10.0.0.1")).isInstanceOf(LoginThrottle.Attempt.class);
        assertThat(throttle.admit("anyone", "10.0.0.1")).as("4 failures and 1 attempt in progress from the address")
                .isInstanceOf(LoginThrottle.Wait.class);
    }

    @Test
    void anotherOperatorUnlocksTheOfficer_resultHerLockoutsFromEveryAddressAreLifted() {
        for (String address : List.of("10.0.0.1", "10.0.0.2")) {
            for (int i = 0; i < 3; i++) {
                fail("officer", address);
            }
        }
        for (int i = 0; i < 2; i++) {
            fail("mallory", "10.0.0.1");
        }

        assertThat(throttle.unlock("officer", Optional.empty())).isEqualTo(2);

        assertThat(throttle.admit("officer", "10.0.0.2")).isInstanceOf(LoginThrottle.Attempt.class);
        assertThat(throttle.admit("officer", "10.0.0.1")).as("the address itself stays locked: 5 failures")
                .isInstanceOf(LoginThrottle.Wait.class);
        assertThat(throttle.unlock("officer", Optional.of("10.0.0.1"))).isEqualTo(1);
        assertThat(throttle.admit("officer", "10.0.0.1")).isInstanceOf(LoginThrottle.Attempt.class);
    }

    @Test
    void anAttemptEndsOnce() {
        LoginThrottle.Attempt attempt = (LoginThrottle.Attempt) throttle.admit("officer", "10.0.0.1");
        attempt.failed();

        assertThatThrownBy(attempt::succeeded).isInstanceOf(IllegalStateException.class);
    }

    private void fail(String user, String address) {
        LoginThrottle.Admission admission = throttle.admit(user, address);
        assertThat(admission).as(user + " from " + address + " may try").isInstanceOf(LoginThrottle.Attempt.class);
        ((LoginThrottle.Attempt) admission).failed();
    }
}
