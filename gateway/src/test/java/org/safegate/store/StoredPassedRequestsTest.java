package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.inspect.RequestOutcome;
import org.safegate.testing.TestClocks;

/** Request outcomes in the real store (SQLite and PostgreSQL): a request that once passed stays answerable. */
class StoredPassedRequestsTest {
    private static final Instant FIRST = TestClocks.CASE_DAY;
    private static final Instant LATER = FIRST.plusSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRefusalAfterAPassKeepsThePassAndAPassAfterARefusalReplacesIt(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredPassedRequests requests = new StoredPassedRequests(database);
            requests.recordAll(List.of(outcome("R-1", FIRST, true), outcome("R-2", FIRST, false)));

            requests.recordAll(List.of(outcome("R-1", LATER, false), outcome("R-2", LATER, true),
                    outcome("R-3", LATER, false)));

            assertThat(requests.find("IRS-ICE-2025", "R-1")).hasValueSatisfying(o -> {
                assertThat(o.passed()).isTrue();
                assertThat(o.inspectedAt()).isEqualTo(FIRST);
            });
            assertThat(requests.find("IRS-ICE-2025", "R-2")).hasValueSatisfying(o -> {
                assertThat(o.passed()).isTrue();
                assertThat(o.inspectedAt()).isEqualTo(LATER);
            });
            assertThat(requests.find("IRS-ICE-2025", "R-3")).hasValueSatisfying(o -> assertThat(o.passed()).isFalse());
            assertThat(requests.find("IRS-ICE-2025", "R-4")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theSameIdTwiceInOneBatchEndsPassedIfEitherPassed(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredPassedRequests requests = new StoredPassedRequests(database);

            requests.recordAll(List.of(outcome("R-9", FIRST, true), outcome("R-9", LATER, false)));

            assertThat(requests.find("IRS-ICE-2025", "R-9")).hasValueSatisfying(o -> assertThat(o.passed()).isTrue());
        }
    }

    private static RequestOutcome outcome(String id, Instant at, boolean passed) {
        return new RequestOutcome("IRS-ICE-2025", "ICE", id, at, passed);
    }
}
