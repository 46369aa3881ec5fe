package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Safeguards;

/** A safeguard record written by {@link SafeguardYaml} loads back as the same record. */
class SafeguardYamlTest {
    @TempDir
    Path dir;

    @Test
    void everyExampleFileWrittenAgainLoadsAsTheSameRecord() throws IOException {
        AdminWorkspace.copyPolicies(dir);
        PolicySet before = new PolicyLoader(dir).load(dir.resolve("policies")).require();
        for (Safeguards record : before.safeguards()) {
            Path file = record.source().file();
            Files.writeString(file, SafeguardYaml.write(record, Files.readString(file)));
        }

        PolicySet after = new PolicyLoader(dir).load(dir.resolve("policies")).require();

        for (Safeguards record : before.safeguards()) {
            assertThat(withoutSource(after.safeguardsOf(record.agency()))).isEqualTo(withoutSource(record));
        }
    }

    @Test
    void textThatYamlWouldReadOtherwiseIsQuoted() throws IOException {
        AdminWorkspace.copyPolicies(dir);
        Path file = dir.resolve("policies/safeguards/ice.yaml");
        PolicySet set = new PolicyLoader(dir).load(dir.resolve("policies")).require();
        Safeguards ice = set.safeguardsOf("ICE");
        List<CapItem> items = List.of(
                new CapItem("F-01", "Say \"no\": \\ back-slash, # not a comment, {braces}, [brackets], ü", Optional.empty()),
                new CapItem("F-02", "true", Optional.of(LocalDate.of(2027, 1, 31))));
        Safeguards changed = new Safeguards("ICE", ice.review(), ice.ssrs(), ice.findings(),
                Optional.of(new Cap(LocalDate.of(2025, 7, 15), Optional.empty(), items)), ice.source());
        Files.writeString(file, SafeguardYaml.write(changed, Files.readString(file)));

        Safeguards read = new PolicyLoader(dir).load(dir.resolve("policies")).require().safeguardsOf("ICE");

        assertThat(read.cap().orElseThrow().items()).isEqualTo(items);
    }

    @Test
    void aFileWithoutAHeaderGetsOne() {
        assertThat(SafeguardYaml.write(Safeguards.none("IRS"), "")).startsWith("# IRS: safeguard record")
                .endsWith("agency: IRS\n");
    }

    @Test
    void changedLinesShowWhatWasRemovedAndAdded() {
        FileChange change = new FileChange("safeguards/x.yaml", "a\nb\nc\n", "a\nB\nc\nd\n");

        assertThat(change.changedLines()).containsExactly("- b", "+ B", "+ d");
        assertThat(change.describe("X: test")).contains("before sha256:" + FileChange.sha256("a\nb\nc\n"))
                .endsWith("changed lines:\n- b\n+ B\n+ d");
    }

    @Test
    void aLongChangeIsCutToFitTheAuditLog() {
        String many = "line\n".repeat(2000);
        FileChange change = new FileChange("safeguards/x.yaml", "", many.replace("line", "x".repeat(20)));

        assertThat(change.describe("X: test")).hasSizeLessThan(FileChange.MAX_CHARS)
                .contains("more changed lines; both versions are in the policy history");
    }

    @Test
    void largeFilesAreComparedWithoutAQuadraticTable() {
        String before = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "old " + i)
                .collect(java.util.stream.Collectors.joining("\n", "# header\n", "\n"));
        String after = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "new " + i)
                .collect(java.util.stream.Collectors.joining("\n", "# header\n", "\n"));

        List<String> lines = new FileChange("safeguards/x.yaml", before, after).changedLines();

        assertThat(lines).hasSize(10_000).startsWith("- old 0").endsWith("+ new 4999");
    }

    private static Safeguards withoutSource(Safeguards s) {
        return new Safeguards(s.agency(), s.review(), s.ssrs(), s.findings(), s.cap(), null);
    }
}
