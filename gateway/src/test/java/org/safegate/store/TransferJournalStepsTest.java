package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.SafegateException;

/** The journal steps that share one commit, in the real store (SQLite and PostgreSQL). */
class TransferJournalStepsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(5000), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void beginWithItsNameIsWhatAResumedRunFinds(TestStores store) {
        try (Database database = store.open(dir)) {
            TransferJournal journal = new TransferJournal(database, CLOCK);
            journal.begin(entry("t-1"), "a.csv.p7m");

            TransferJournal.Entry found = journal.unfinished("IRS", "IRS-DOJ-2024/a.csv", 10, 20).orElseThrow();
            assertThat(found.state()).isEqualTo(TransferJournal.State.SEALING);
            assertThat(found.deliveredAs()).contains("a.csv.p7m");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void beginningAgainWhileSealingJournalsTheNameChosenNow(TestStores store) {
        try (Database database = store.open(dir)) {
            TransferJournal journal = new TransferJournal(database, CLOCK);
            journal.begin(entry("t-1"), "a.csv.p7m");
            journal.begin(entry("t-1"), "a.csv.2.p7m");

            assertThat(journal.unfinishedRows("IRS", "IRS-DOJ-2024/a.csv", 10, 20))
                    .extracting(TransferJournal.Entry::deliveredAs).containsExactly(Optional.of("a.csv.2.p7m"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void doneGoesWithTheNextStepOrWhenTheGatewayCloses(TestStores store) {
        try (Database database = store.open(dir)) {
            TransferJournal journal = new TransferJournal(database, CLOCK);
            journal.begin(entry("t-1"), "a.csv.p7m");
            journal.delivered("t-1", "a.csv.p7m", new DeliveredPayloads.Delivered("abc", "DOJ", "IRS-DOJ-2024",
                    Instant.ofEpochMilli(7000)));
            journal.doneWithNextStep("t-1");
            assertThat(journal.unfinishedRows("IRS", "IRS-DOJ-2024/a.csv", 10, 20))
                    .extracting(TransferJournal.Entry::transferId).containsExactly("t-1");

            journal.begin(entry("t-2"), "a.csv.2.p7m");
            assertThat(journal.unfinishedRows("IRS", "IRS-DOJ-2024/a.csv", 10, 20))
                    .extracting(TransferJournal.Entry::transferId).containsExactly("t-2");

            journal.delivered("t-2", "a.csv.2.p7m", new DeliveredPayloads.Delivered("abc", "DOJ", "IRS-DOJ-2024",
                    Instant.ofEpochMilli(8000)));
            journal.doneWithNextStep("t-2");
            journal.finishWaiting();
            assertThat(journal.unfinishedRows("IRS", "IRS-DOJ-2024/a.csv", 10, 20)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void deliveredRecordsThePayloadInTheSameStep(TestStores store) {
        try (Database database = store.open(dir)) {
            TransferJournal journal = new TransferJournal(database, CLOCK);
            DeliveredPayloads payloads = new DeliveredPayloads(database);
            journal.begin(entry("t-1"), "a.csv.p7m");
            journal.delivered("t-1", "a.csv.p7m", new DeliveredPayloads.Delivered("abc", "DOJ", "IRS-DOJ-2024",
                    Instant.ofEpochMilli(7000)));

            assertThat(journal.unfinished("IRS", "IRS-DOJ-2024/a.csv", 10, 20)).map(TransferJournal.Entry::state)
                    .contains(TransferJournal.State.DELIVERED);
            assertThat(payloads.deliveredTo("abc", "DOJ")).contains(
                    new DeliveredPayloads.Delivery("t-1", "IRS-DOJ-2024", Instant.ofEpochMilli(7000)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aDeliveredStepThatFailsRecordsNoPayloadEither(TestStores store) {
        try (Database database = store.open(dir)) {
            TransferJournal journal = new TransferJournal(database, CLOCK);
            DeliveredPayloads payloads = new DeliveredPayloads(database);

            assertThatThrownBy(() -> journal.delivered("not-journaled", "a.csv.p7m",
                    new DeliveredPayloads.Delivered("abc", "DOJ", "IRS-DOJ-2024", Instant.ofEpochMilli(7000))))
                    .isInstanceOf(SafegateException.class).hasMessageContaining("not-journaled is not in the journal");
            assertThat(payloads.deliveredTo("abc", "DOJ")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aDoneTransfersRowIsRemovedSoTheJournalHoldsOnlyTransfersInFlight(TestStores store) throws Exception {
        try (Database database = store.open(dir)) {
            TransferJournal journal = new TransferJournal(database, CLOCK);
            journal.begin(entry("t-1"), "a.csv.p7m");
            journal.delivered("t-1", "a.csv.p7m", new DeliveredPayloads.Delivered("abc", "DOJ", "IRS-DOJ-2024",
                    Instant.ofEpochMilli(7000)));
            journal.doneWithNextStep("t-1");
            journal.begin(entry("t-2"), "a.csv.2.p7m");
            journal.refusing(entry("t-2"), "{}");
            journal.done("t-2");
            journal.done("t-2");

            assertThat(rows(database)).as("both rows are gone; finishing again changed nothing").isZero();
            assertThat(new DeliveredPayloads(database).deliveredTo("abc", "DOJ")).as("the payload record stays")
                    .isPresent();
        }
    }

    private static int rows(Database database) throws java.sql.SQLException {
        try (java.sql.Connection c = database.connection();
             java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM transfer_journal")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static TransferJournal.Entry entry(String transferId) {
        return new TransferJournal.Entry(transferId, "IRS", "IRS-DOJ-2024/a.csv", 10, 20, "IRS-DOJ-2024", "DOJ", "abc",
                TransferJournal.State.SEALING, Optional.empty());
    }
}
