package org.safegate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.inspect.read.RawRecord;
import org.safegate.inspect.read.RecordFormat;
import org.safegate.inspect.rules.AnswerCode;

/** Answers leave only for requests that passed, to the same requester, within the window. */
class AnswerFilterTest {
    private static final String AGREEMENT = "IRS-ICE-2025";
    private static final Instant PASSED_AT = InspectFixtures.RECEIVED;

    @TempDir
    Path dir;

    private final InMemoryPassedRequests ledger = new InMemoryPassedRequests();
    private final AnswerFilter filter = new AnswerFilter(
            InspectFixtures.settings().withAnswerWindow(Duration.ofDays(30)), ledger);

    @BeforeEach
    void requests() {
        ledger.record(new RequestOutcome(AGREEMENT, "ICE", "R1", PASSED_AT, true));
        ledger.record(new RequestOutcome(AGREEMENT, "ICE", "R2", PASSED_AT, false));
        ledger.record(new RequestOutcome(AGREEMENT, "DOJ", "R3", PASSED_AT, true));
        ledger.record(new RequestOutcome(AGREEMENT, "ICE", "R4", PASSED_AT.minus(Duration.ofDays(40)), true));
    }

    @Test
    void releasesOnlyAnswersToPassedRequestsAndNamesEveryWithholding() throws IOException {
        Path answers = write("answers.csv", "request_id,last_known_address\r\n"
                + "R1,\"1 Elm St, Austin TX\"\r\nR2,2 Oak St\r\nR3,3 Pine St\r\nR4,4 Ash St\r\nR9,9 Fir St\r\n"
                + "=R1,10 Elm St\r\n,11 Elm St\r\n");
        AnswerResult result = filter.filter(answers, AnswerContext.of(InspectFixtures.agreement(), PASSED_AT.plusSeconds(3600)),
                dir.resolve("released.csv"), dir.resolve("withheld.csv"));

        assertThat(result.arrived()).isEqualTo(7);
        assertThat(result.released()).isEqualTo(1);
        assertThat(result.withheldFor(AnswerCode.REQUEST_REFUSED)).isEqualTo(1);
        assertThat(result.withheldFor(AnswerCode.REQUESTER_MISMATCH)).isEqualTo(1);
        assertThat(result.withheldFor(AnswerCode.ANSWER_WINDOW_EXPIRED)).isEqualTo(1);
        assertThat(result.withheldFor(AnswerCode.REQUEST_UNKNOWN)).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("released.csv")))
                .isEqualTo("request_id,last_known_address\r\nR1,\"1 Elm St, Austin TX\"\r\n");
        List<RawRecord> notice = InspectFixtures.readAll(dir.resolve("withheld.csv"), RecordFormat.CSV,
                AnswerFilter.NOTICE_HEADER);
        assertThat(notice).extracting(r -> r.value("request_id") + " " + r.value("reason_code")).containsExactly(
                "R2 REQUEST_REFUSED", "R3 REQUESTER_MISMATCH", "R4 ANSWER_WINDOW_EXPIRED", "R9 REQUEST_UNKNOWN",
                "'=R1 REQUEST_UNKNOWN", " REQUEST_UNKNOWN");
        assertThat(notice.get(0).value("line")).isEqualTo("3");
    }

    @Test
    void anAnswerAfterTheWindowIsWithheldEvenForAPassedRequest() throws IOException {
        Path answers = write("answers.jsonl", "{\"request_id\":\"R1\",\"address\":\"1 Elm St\"}\n");
        AnswerResult late = filter.filter(answers, AnswerContext.of(InspectFixtures.agreement(),
                PASSED_AT.plus(Duration.ofDays(31))), dir.resolve("released.jsonl"), dir.resolve("withheld.csv"));
        assertThat(late.withheldFor(AnswerCode.ANSWER_WINDOW_EXPIRED)).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("released.jsonl"))).isEmpty();

        AnswerResult onTime = filter.filter(answers, AnswerContext.of(InspectFixtures.agreement(),
                PASSED_AT.plus(Duration.ofDays(30))), dir.resolve("released.jsonl"), dir.resolve("withheld.csv"));
        assertThat(onTime.released()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("released.jsonl"))).isEqualTo("{\"request_id\":\"R1\",\"address\":\"1 Elm St\"}\n");
    }

    @Test
    void eachReleasedAnswerIsToldWithItsLineInTheAnswerFileAndInTheFileReleased() throws IOException {
        // a withheld record, a blank line and a value across two lines move the released lines
        Path csv = write("answers.csv", "request_id,last_known_address\n\nR2,2 Oak St\nR1,\"1 Elm St\nAustin TX\"\n"
                + " R1 ,3 Elm St\n");
        List<String> told = new java.util.ArrayList<>();
        filter.filter(csv, AnswerContext.of(InspectFixtures.agreement(), PASSED_AT), dir.resolve("released.csv"),
                dir.resolve("withheld.csv"), (id, sourceLine, line) -> told.add(id + " " + sourceLine + " " + line));
        assertThat(told).containsExactly("R1 4 2", "R1 6 4");
        assertThat(InspectFixtures.readAll(dir.resolve("released.csv"), RecordFormat.CSV, List.of("request_id")))
                .extracting(RawRecord::line).containsExactly(2L, 4L);

        Path jsonl = write("answers.jsonl", "{\"request_id\":\"R2\"}\n{\"request_id\":\"R1\",\"a\":\"x\\ny\"}\n"
                + "\n{\"request_id\":\"R1\"}\n");
        told.clear();
        filter.filter(jsonl, AnswerContext.of(InspectFixtures.agreement(), PASSED_AT), dir.resolve("released.jsonl"),
                dir.resolve("withheld.csv"), (id, sourceLine, line) -> told.add(id + " " + sourceLine + " " + line));
        assertThat(told).containsExactly("R1 2 1", "R1 4 2");
    }

    @Test
    void answersUnderAnotherAgreementAreUnknown() throws IOException {
        Path answers = write("answers.csv", "request_id\nR1\n");
        var other = new org.safegate.policy.model.Agreement("IRS-DOJ-2024", "IRS", "ICE", "26 U.S.C. 6103(i)(2)", "p",
                List.of("last-known-address"), java.time.LocalDate.of(2024, 1, 1), java.util.Optional.empty(), List.of(),
                java.util.Optional.empty(), InspectFixtures.agreement().source());
        AnswerResult result = filter.filter(answers, AnswerContext.of(other, PASSED_AT), dir.resolve("released.csv"),
                dir.resolve("withheld.csv"));
        assertThat(result.withheldFor(AnswerCode.REQUEST_UNKNOWN)).isEqualTo(1);
    }

    @Test
    void aRequestThatPassedStaysPassedWhenTheSameIdIsLaterRefused() {
        ledger.record(new RequestOutcome(AGREEMENT, "ICE", "R1", PASSED_AT.plusSeconds(60), false));
        assertThat(ledger.find(AGREEMENT, "R1")).hasValueSatisfying(o -> assertThat(o.passed()).isTrue());
    }

    private Path write(String name, String text) throws IOException {
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        return Files.writeString(input.resolve(name), text);
    }
}
