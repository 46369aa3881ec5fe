package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.inspect.RequestOutcome;
import org.safegate.testing.TestClocks;

/**
 * The outcomes of one request file, in the real store (SQLite and PostgreSQL): staged while the
 * file is inspected, visible to answers only once it is done, whatever order its ids come in.
 */
class BatchedPassedRequestsTest {
    private static final Instant EARLIER = TestClocks.CASE_DAY;
    private static final Instant NOW = EARLIER.plusSeconds(3600);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void outcomesInRandomOrderAreVisibleOnlyOnceTheFileIsDoneAndAPassIsNeverTurnedIntoARefusal(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredPassedRequests requests = new StoredPassedRequests(database);
            requests.recordAll(List.of(outcome("R-00007", EARLIER, true)));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                ids.add(String.format("R-%05d", i));
            }
            Collections.shuffle(ids, new Random(7));

            BatchedPassedRequests file = BatchedPassedRequests.begin(requests, "t-1");
            ids.forEach(id -> file.record(outcome(id, NOW, !id.endsWith("7"))));
            // the same id again in the same file, refused as a duplicate: the pass stands
            file.record(outcome("R-00001", NOW, false));
            assertThat(requests.find("IRS-ICE-2025", ids.get(0))).as("not before the file is done").isEmpty();
            file.flush();

            assertThat(requests.find("IRS-ICE-2025", "R-00002")).hasValueSatisfying(o -> {
                assertThat(o.passed()).isTrue();
                assertThat(o.inspectedAt()).isEqualTo(NOW);
            });
            assertThat(requests.find("IRS-ICE-2025", "R-00001")).hasValueSatisfying(o -> assertThat(o.passed()).isTrue());
            assertThat(requests.find("IRS-ICE-2025", "R-11997")).hasValueSatisfying(o -> assertThat(o.passed()).isFalse());
            assertThat(requests.find("IRS-ICE-2025", "R-00007")).as("passed in an earlier file").hasValueSatisfying(o -> {
                assertThat(o.passed()).isTrue();
                assertThat(o.inspectedAt()).isEqualTo(EARLIER);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void whatAStoppedInspectionStagedIsDroppedWhenTheTransferIsInspectedAgain(TestStores store) {
        try (Database database = store.open(dir)) {
            StoredPassedRequests requests = new StoredPassedRequests(database);
            BatchedPassedRequests stopped = BatchedPassedRequests.begin(requests, "t-1");
            for (int i = 0; i < 6_000; i++) {
                stopped.record(outcome(String.format("OLD-%05d", i), EARLIER, true));
            }
            // the run stops here: its staged outcomes were never made visible

            BatchedPassedRequests again = BatchedPassedRequests.begin(requests, "t-1");
            again.record(outcome("NEW-1", NOW, true));
            again.flush();

            assertThat(requests.find("IRS-ICE-2025", "OLD-00001")).isEmpty();
            assertThat(requests.find("IRS-ICE-2025", "NEW-1")).isPresent();
        }
    }

    private static RequestOutcome outcome(String id, Instant at, boolean passed) {
        return new RequestOutcome("IRS-ICE-2025", "ICE", id, at, passed);
    }
}
