package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A refusal as the journal keeps it while it is carried out: what a resumed run reads back. */
class RefusalRecordTest {

    @Test
    void aRecordReadsBackAsItWasWritten() {
        Transfer ended = new Transfer("t-1", "DOJ", "IRS", "DOJ", "IRS-DOJ-2024", "26 U.S.C. 6103(i)(1)", "return-information",
                "a.csv", "ab".repeat(32), 10, Optional.of("t-0"), Optional.empty(),
                List.of(new Receipt.Reason("SAFEGUARD_REVIEW_EXPIRED", "the review expired \"2026-01-31\"")),
                Optional.of(7L), Optional.of("arrived 10, passed 7"));
        RefusalRecord written = new RefusalRecord(Receipt.Outcome.DENIED, Instant.parse("2026-12-07T10:00:00Z"), ended);

        String json = written.toJson();

        assertThat(json).doesNotContain("\n");
        assertThat(RefusalRecord.fromJson(json)).isEqualTo(written);
    }

    @Test
    void aRecordJournaledByTheEarlierHandWrittenFormatStillReads() {
        String journaled = "{\"outcome\":\"QUARANTINED\",\"at\":\"2026-12-07T10:00:00Z\",\"transfer\":\"t-2\","
                + "\"sender\":\"IRS\",\"recipient\":\"\",\"agreement\":\"IRS-DOJ-2024\",\"authority\":\"\","
                + "\"category\":\"\",\"name\":\"b.csv\",\"sha256\":\"\",\"size\":0,\"parent\":null,\"records\":null,"
                + "\"note\":null,\"reasons\":[{\"code\":\"NAME_UNSAFE\",\"message\":\"a control character\"}]}";

        RefusalRecord read = RefusalRecord.fromJson(journaled);

        assertThat(read.outcome()).isEqualTo(Receipt.Outcome.QUARANTINED);
        assertThat(read.ended()).isEqualTo(Transfer.unplaced("t-2", "IRS", "IRS", "IRS-DOJ-2024", "b.csv", "", 0,
                new Receipt.Reason("NAME_UNSAFE", "a control character")));
    }
}
