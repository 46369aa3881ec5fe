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
    void shippedPolicySetIsValidAndShowsIceNotCurrentAndDojCurrent(@TempDir Path dir) throws Exception {
        int exit = run("policy", "check", "--policies", shippedWithCertificates(dir).toString(), "--at", "2026-06-01");

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
    void jsonOutputHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        int exit = run("policy", "check", "--policies", shippedWithCertificates(dir).toString(), "--at", "2026-06-01",
                "--json");

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
    void aMissingCertificateDeniesAsAtTransferTime(@TempDir Path dir) throws Exception {
        copyPolicies(dir);
        Path doj = dir.resolve("agencies/doj.yaml");
        Files.writeString(doj, Files.readString(doj).replace("keys-example/agencies/DOJ/encrypt.crt",
                "no-such-folder/DOJ/encrypt.crt"));

        int exit = run("policy", "check", "--policies", dir.toString(), "--at", "2026-06-01");

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(line(text, "IRS-DOJ-2024")).contains("DENIED").contains("CERT_MISSING");
        assertThat(text).contains("FILE_NOT_FOUND").contains("denied (CERT_MISSING)").doesNotContain("held");

        out.getBuffer().setLength(0);
        run("policy", "check", "--policies", dir.toString(), "--at", "2026-06-01", "--json");
        JsonNode root = new ObjectMapper().readTree(out.toString());
        JsonNode agreement = find(root.get("agreements"), "IRS-DOJ-2024");
        assertThat(agreement.get("permitted").asBoolean()).isFalse();
        assertThat(agreement.findValuesAsText("code")).contains("CERT_MISSING");
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

    /**
     * The shipped policies, their certificate paths (relative to the project's root, where the
     * command is meant to run) made absolute: the tests run in the module's folder.
     */
    private static Path shippedWithCertificates(Path dir) throws java.io.IOException {
        copyPolicies(dir);
        try (var files = Files.list(dir.resolve("agencies"))) {
            for (Path agency : files.toList()) {
                Files.writeString(agency, Files.readString(agency).replace(": keys-example/",
                        ": " + projectRoot().resolve("keys-example") + "/"));
            }
        }
        return dir;
    }

    private static void copyPolicies(Path target) throws java.io.IOException {
        try (var files = Files.walk(POLICIES)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(POLICIES.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("policies")) ? dir : dir.getParent();
    }
}
