package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/** {@code safegate policy check} on the shipped policy set and on broken ones. */
class PolicyCheckCommandTest {
    private static final Path POLICIES = projectRoot().resolve("policies");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shippedPolicySetIsValidAndShowsIceNotCurrentAndDojCurrent() {
        int exit = run("policy", "check", "--policies", POLICIES.toString(), "--at", "2026-06-01");

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(text).contains("valid (3 agencies, 3 agreements)").contains("Evaluated on 2026-06-01");
        assertThat(line(text, "ICE ")).contains("NOT CURRENT");
        assertThat(text).contains("CAP_ITEM_UNDATED")
                .contains("ICE is not current: finding F-01 is open and its CAP item");
        assertThat(line(text, "DOJ ")).contains("current").doesNotContain("NOT");
        assertThat(line(text, "IRS-ICE-2025")).contains("DENIED");
        assertThat(line(text, "IRS-DOJ-2024")).contains("permitted");
    }

    @Test
    void withoutAtItEvaluatesOnTheDayOfItsClock() {
        int exit = run("policy", "check", "--policies", POLICIES.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Evaluated on " + TestClocks.CASE_DATE);
        assertThat(line(out.toString(), "ICE ")).contains("NOT CURRENT");
        assertThat(line(out.toString(), "IRS-ICE-2025")).contains("DENIED");
    }

    @Test
    void jsonOutputHasTheDocumentedShape() throws Exception {
        int exit = run("policy", "check", "--policies", POLICIES.toString(), "--at", "2026-06-01", "--json");

        assertThat(exit).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("valid").asBoolean()).isTrue();
        assertThat(root.get("at").asText()).isEqualTo("2026-06-01");
        assertThat(root.get("errors")).isEmpty();
        JsonNode ice = find(root.get("agencies"), "ICE");
        assertThat(ice.get("status").asText()).isEqualTo("not-current");
        assertThat(ice.get("current").asBoolean()).isFalse();
        assertThat(ice.get("reasons").findValuesAsText("code")).contains("CAP_ITEM_UNDATED");
        assertThat(find(root.get("agencies"), "DOJ").get("status").asText()).isEqualTo("current");
        assertThat(find(root.get("agencies"), "IRS").get("status").asText()).isEqualTo("provider-only");
        assertThat(find(root.get("agreements"), "IRS-ICE-2025").get("permitted").asBoolean()).isFalse();
        assertThat(find(root.get("agreements"), "IRS-DOJ-2024").get("permitted").asBoolean()).isTrue();
        assertThat(find(root.get("agreements"), "IRS-DOJ-2024").get("categories")).hasSize(2);
    }

    @Test
    void invalidPolicySetExitsTwoAndNamesFileLineAndField(@TempDir Path dir) throws Exception {
        Path agencies = Files.createDirectories(dir.resolve("agencies"));
        Files.writeString(agencies.resolve("x.yaml"), "id: X\nname: X\ncertificate: x.crt\ncolour: red\n");

        int exit = run("policy", "check", "--policies", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("INVALID")
                .contains("agencies/x.yaml:4: colour: is not a known key here [UNKNOWN_KEY]")
                .contains("agencies/x.yaml:1: endpoints: is required but missing [MISSING_FIELD]");
    }

    @Test
    void invalidPolicySetInJsonListsTheErrors(@TempDir Path dir) throws Exception {
        Path agreements = Files.createDirectories(dir.resolve("agreements"));
        Files.writeString(agreements.resolve("a.yaml"), "id: [");

        int exit = run("policy", "check", "--policies", dir.toString(), "--json");

        assertThat(exit).isEqualTo(2);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("valid").asBoolean()).isFalse();
        assertThat(root.get("errors").get(0).get("code").asText()).isEqualTo("YAML_MALFORMED");
        assertThat(root.get("errors").get(0).get("file").asText()).endsWith("agreements/a.yaml");
    }

    @Test
    void impossibleDateIsAUsageError() {
        int exit = run("policy", "check", "--policies", POLICIES.toString(), "--at", "2026-02-30");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'2026-02-30' is not a date");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("policy", "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("policy", "check", "--help")).isZero();
        assertThat(out.toString()).contains("--policies").contains("--at").contains("--json");
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with '" + start + "' in:\n" + text));
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("policies")) ? dir : dir.getParent();
    }
}
