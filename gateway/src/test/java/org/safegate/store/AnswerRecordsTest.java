package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.inspect.RequestOutcome;
import org.safegate.testing.TestClocks;

/**
 * The answer records of delivered answer files, in the real store (SQLite and PostgreSQL): staged
 * while a file is filtered, visible only once the delivery's transaction moves them, exactly once
 * however often the file is filtered again.
 */
class AnswerRecordsTest {
    private static final Instant NOW = TestClocks.CASE_DAY;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void stagedRecordsAreVisibleOnlyOnceTheDeliveryMovesThemAndAFilterRunAgainReplacesThem(TestStores store)
            throws SQLException {
        try (Database database = store.open(dir)) {
            AnswerRecords answers = new AnswerRecords(database);
            AnswerRecords.Staging held = answers.stage("t-1", "IRS-DOJ-2024");
            for (int line = 2; line < 7_002; line++) {
                held.add(line % 2 == 0 ? "R-EVEN" : "R-ODD", line, line);
            }
            held.flush();
            // the file was held; the retry filters it again and releases fewer answers
            AnswerRecords.Staging retried = answers.stage("t-1", "IRS-DOJ-2024");
            retried.add("R-EVEN", 2, 2);
            retried.add("R-ODD", 5, 3);
            retried.add("R-EVEN", 6, 4);
            retried.flush();
            assertThat(answers.answersTo("R-EVEN", Optional.empty())).as("not before the delivery").isEmpty();

            deliver(database, "t-1");
            deliver(database, "t-other");

            assertThat(answers.answersTo("R-EVEN", Optional.empty())).containsExactly(
                    new AnswerRecords.Answer("t-1", "IRS-DOJ-2024", 2), new AnswerRecords.Answer("t-1", "IRS-DOJ-2024", 4));
            assertThat(answers.answersTo("R-ODD", Optional.of("IRS-DOJ-2024"))).extracting(AnswerRecords.Answer::line)
                    .containsExactly(3L);
            assertThat(answers.answersTo("R-ODD", Optional.of("IRS-ICE-2025"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theSameRequestIdUnderTwoAgreementsIsTold(TestStores store) throws SQLException {
        try (Database database = store.open(dir)) {
            AnswerRecords answers = new AnswerRecords(database);
            AnswerRecords.Staging doj = answers.stage("t-doj", "IRS-DOJ-2024");
            doj.add("R-1", 2, 2);
            doj.flush();
            AnswerRecords.Staging ice = answers.stage("t-ice", "IRS-ICE-2025");
            ice.add("R-1", 3, 2);
            ice.flush();
            deliver(database, "t-doj");
            deliver(database, "t-ice");
            StoredPassedRequests outcomes = new StoredPassedRequests(database);
            outcomes.recordAll(List.of(outcome("IRS-DOJ-2024", "R-1", "DOJ"), outcome("IRS-ICE-2025", "R-1", "ICE"),
                    outcome("IRS-ICE-2025", "R-2", "ICE"), outcome("A-LAST", "R-3", "ICE")));

            assertThat(answers.answersTo("R-1", Optional.empty())).extracting(AnswerRecords.Answer::agreement)
                    .containsExactly("IRS-DOJ-2024", "IRS-ICE-2025");
            assertThat(outcomes.agreementsWith("R-1")).containsExactly("IRS-DOJ-2024", "IRS-ICE-2025");
            assertThat(outcomes.agreementsWith("R-2")).containsExactly("IRS-ICE-2025");
            assertThat(outcomes.agreementsWith("R-3")).containsExactly("A-LAST");
            assertThat(outcomes.agreementsWith("R-none")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void recordsStagedForAFileThatIsNotDeliveredAreDropped(TestStores store) throws SQLException {
        try (Database database = store.open(dir)) {
            AnswerRecords answers = new AnswerRecords(database);
            AnswerRecords.Staging staged = answers.stage("t-1", "IRS-DOJ-2024");
            staged.add("R-1", 2, 2);
            staged.flush();

            answers.dropStaged("t-1");
            deliver(database, "t-1");

            assertThat(answers.answersTo("R-1", Optional.empty())).isEmpty();
        }
    }

    /** The delivery's audit transaction, as far as the answer records go. */
    private static void deliver(Database database, String transferId) throws SQLException {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            AnswerRecords.delivering(transferId).write(c);
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static RequestOutcome outcome(String agreement, String id, String requester) {
        return new RequestOutcome(agreement, requester, id, NOW, true);
    }
}
