package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path dir;

    @Test
    void publishesUnderTheNameAndNeverOverwrites() throws Exception {
        Path first = DurableFiles.publish(dir, "report.csv", ".p7m", "t1", out -> out.write(1));
        Path second = DurableFiles.publish(dir, "report.csv", ".p7m", "t2", out -> out.write(2));
        Path third = DurableFiles.publish(dir, "report.csv", ".p7m", "t3", out -> out.write(3));

        assertThat(first.getFileName()).hasToString("report.csv.p7m");
        assertThat(second.getFileName()).hasToString("report.csv.2.p7m");
        assertThat(third.getFileName()).hasToString("report.csv.3.p7m");
        assertThat(Files.readAllBytes(first)).containsExactly(1);
        assertThat(Files.readAllBytes(second)).containsExactly(2);
        assertThat(names()).containsExactlyInAnyOrder("report.csv.p7m", "report.csv.2.p7m", "report.csv.3.p7m");
    }

    @Test
    void failedWriteLeavesNothingBehind() {
        assertThatThrownBy(() -> DurableFiles.publish(dir, "report.csv", ".p7m", "t1", out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(names()).isEmpty();
    }

    @Test
    void linkingAgainAfterThePublishedTempWasRemovedChangesNothing() throws Exception {
        Path temp = DurableFiles.writeTemp(dir, "t1", out -> out.write(1));
        DurableFiles.linkAs(temp, dir.resolve("report.csv.p7m"));
        DurableFiles.removeTemp(temp);

        DurableFiles.linkAs(temp, dir.resolve("report.csv.p7m"));

        assertThat(names()).containsExactly("report.csv.p7m");
        assertThat(Files.readAllBytes(dir.resolve("report.csv.p7m"))).containsExactly(1);
    }

    @Test
    void linkingATempThatWasNeverWrittenFailsAndCreatesNothing() {
        assertThatThrownBy(() -> DurableFiles.linkAs(DurableFiles.tempPath(dir, "t1"), dir.resolve("report.csv.p7m")))
                .isInstanceOf(IOException.class);

        assertThat(names()).isEmpty();
    }

    @Test
    void linkingOntoAnotherFileFailsAndKeepsIt() throws Exception {
        Path temp = DurableFiles.writeTemp(dir, "t1", out -> out.write(1));
        Files.write(dir.resolve("report.csv.p7m"), new byte[] {9});

        assertThatThrownBy(() -> DurableFiles.linkAs(temp, dir.resolve("report.csv.p7m")))
                .isInstanceOf(IOException.class).hasMessageContaining("taken by another file");

        assertThat(Files.readAllBytes(dir.resolve("report.csv.p7m"))).containsExactly(9);
    }

    @Test
    void quarantineKeepsTheOriginalAndItsReason(@TempDir Path outbox) throws Exception {
        Path original = Files.writeString(outbox.resolve("x.csv"), "data");
        Quarantine quarantine = new Quarantine(dir);

        Path folder = quarantine.keep("T-1", "IRS", "IRS-ICE/x.csv", original, "denied",
                List.of(new Quarantine.Reason("CAP_ITEM_UNDATED", "ICE is not current")), Instant.EPOCH);

        assertThat(original).doesNotExist();
        assertThat(folder).isEqualTo(dir.resolve("quarantine/T-1"));
        assertThat(folder.resolve(Quarantine.ORIGINAL)).hasContent("data");
        assertThat(Files.readString(folder.resolve(Quarantine.REASON_FILE)))
                .contains("\"transfer\" : \"T-1\"").contains("CAP_ITEM_UNDATED").contains("IRS-ICE/x.csv");
    }

    private List<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
