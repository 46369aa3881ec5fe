package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestClocks;

/** reason.json: written and read through one record, older files read, bad ones named. */
class ReasonFileTest {
    @TempDir
    Path folder;

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        ReasonFile written = ReasonFile.of("t-1", "quarantined", "IRS", "IRS-DOJ-2024/a\u0007.csv",
                List.of(new Quarantine.Reason("EMPTY_FILE", "the file is empty")), TestClocks.CASE_DAY);

        written.write(folder);

        assertThat(ReasonFile.read(folder)).isEqualTo(written);
        assertThat(written.path()).isEqualTo("IRS-DOJ-2024/a\\u0007.csv");
        assertThat(written.agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(Files.readString(folder.resolve(ReasonFile.NAME))).startsWith("{\n  \"transfer\" : \"t-1\",\n"
                + "  \"outcome\" : \"quarantined\",\n  \"sender\" : \"IRS\",");
    }

    @Test
    void aLooseFileHasNoAgreementField() throws IOException {
        ReasonFile.of("t-2", "quarantined", "IRS", "loose.csv", List.of(), TestClocks.CASE_DAY).write(folder);

        assertThat(Files.readString(folder.resolve(ReasonFile.NAME))).doesNotContain("agreement");
        assertThat(ReasonFile.read(folder).agreement()).isEmpty();
    }

    @Test
    void aFileFromBeforeSourceAndAgreementWereRecordedReadsWithPathInTheirPlace() throws IOException {
        write("""
                {"transfer": "t-3", "outcome": "denied", "sender": "IRS", "path": "IRS-DOJ-2024/a.csv",
                 "time": "2026-11-01T00:00:00Z", "reasons": [{"code": "REVIEW_STALE", "message": "m"}],
                 "addedLater": true}
                """);

        ReasonFile read = ReasonFile.read(folder);

        assertThat(read.source()).isEqualTo("IRS-DOJ-2024/a.csv");
        assertThat(read.agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(read.reasons()).containsExactly(new Quarantine.Reason("REVIEW_STALE", "m"));
    }

    @Test
    void aFileWithoutASenderIsNamedWithWhatItLacks() throws IOException {
        write("""
                {"transfer": "t-4", "outcome": "denied", "path": "a.csv", "time": "2026-11-01T00:00:00Z"}
                """);

        assertThatThrownBy(() -> ReasonFile.read(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(folder.resolve(ReasonFile.NAME).toString()).hasMessageEndingWith("has no sender");
    }

    @Test
    void aFileThatIsNotJsonOrHasABadTimeIsNamed() throws IOException {
        write("{\"transfer\": ");
        assertThatThrownBy(() -> ReasonFile.read(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a reason file");

        write("""
                {"outcome": "denied", "sender": "IRS", "path": "a.csv", "time": "yesterday"}
                """);
        assertThatThrownBy(() -> ReasonFile.read(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time 'yesterday' is not an ISO-8601 instant");
    }

    private void write(String json) throws IOException {
        Files.writeString(folder.resolve(ReasonFile.NAME), json);
    }
}
