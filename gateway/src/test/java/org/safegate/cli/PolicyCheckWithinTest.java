package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safegate.policy.UpcomingFixture.FROM;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.policy.UpcomingFixture;
import picocli.CommandLine;

/** {@code policy check --within}: what stops being current in a period, by day, on a dated fixture. */
class PolicyCheckWithinTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private Path policies;

    @BeforeEach
    void setUp() {
        policies = UpcomingFixture.write(dir);
    }

    @Test
    void within30DaysListsTheCertificateAndTheSsrWithTheirDays() {
        int exit = run("policy", "check", "--policies", policies.toString(), "--within", "30d");

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(text).contains("Stops being current after " + FROM + " until " + FROM.plusDays(30) + " (2):");
        assertThat(line(text, FROM.plusDays(11).toString())).contains("11d").contains("ICE").contains("CERT_EXPIRES");
        assertThat(line(text, FROM.plusDays(21).toString())).contains("21d").contains("ICE").contains("SSR_DUE")
                .contains("due " + FROM.plusDays(20));
        assertThat(text).doesNotContain("REVIEW_STALE").doesNotContain("CAP_ITEM_DUE")
                .doesNotContain("AGREEMENT_EXPIRES");
        assertThat(text.indexOf("CERT_EXPIRES")).isLessThan(text.indexOf("SSR_DUE"));
    }

    @Test
    void within60DaysAddsTheReviewAndTheCapItemButNotTheAgreementEndingIn90Days() {
        int exit = run("policy", "check", "--policies", policies.toString(), "--within", "P60D");

        assertThat(exit).isZero();
        String text = out.toString();
        assertThat(line(text, FROM.plusDays(32).toString())).contains("REVIEW_STALE").contains("SR-ICE");
        assertThat(line(text, FROM.plusDays(41).toString())).contains("CAP_ITEM_DUE").contains("F-01");
        assertThat(text).doesNotContain("AGREEMENT_EXPIRES");
    }

    @Test
    void atMovesTheWindowAndTheAgreementEndsOnItsExpiryDay() {
        int exit = run("policy", "check", "--policies", policies.toString(), "--at", FROM.plusDays(60).toString(),
                "--within", "60d");

        assertThat(exit).isZero();
        assertThat(line(out.toString(), FROM.plusDays(90).toString())).contains("30d").contains("IRS-ICE")
                .contains("AGREEMENT_EXPIRES");
    }

    @Test
    void jsonHasTheWindowAndEachChangeWithItsDay() throws Exception {
        int exit = run("policy", "check", "--policies", policies.toString(), "--within", "60d", "--json");

        assertThat(exit).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("within").asText()).isEqualTo("P60D");
        assertThat(root.get("until").asText()).isEqualTo(FROM.plusDays(60).toString());
        List<String> kinds = new ArrayList<>();
        root.get("upcoming").forEach(n -> kinds.add(n.get("kind").asText()));
        assertThat(kinds).containsExactly("CERT_EXPIRES", "SSR_DUE", "REVIEW_STALE", "CAP_ITEM_DUE");
        JsonNode ssr = root.get("upcoming").get(1);
        assertThat(ssr.get("day").asText()).isEqualTo(FROM.plusDays(21).toString());
        assertThat(ssr.get("inDays").asInt()).isEqualTo(21);
        assertThat(ssr.get("agency").asText()).isEqualTo("ICE");
        assertThat(ssr.get("agreement").isNull()).isTrue();
        assertThat(ssr.get("reason").asText()).isEqualTo("SSR_MISSING");
        assertThat(ssr.get("what").asText()).contains("Safeguard Security Report");
        assertThat(root.get("agencies")).isNotEmpty();
    }

    @Test
    void withoutWithinTheJsonHasNoUpcomingMembers() throws Exception {
        run("policy", "check", "--policies", policies.toString(), "--json");

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.has("upcoming")).isFalse();
        assertThat(root.has("within")).isFalse();
    }

    @Test
    void nothingAheadIsSaidSo() {
        int exit = run("policy", "check", "--policies", policies.toString(), "--within", "5d");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Nothing stops being current after " + FROM + " until " + FROM.plusDays(5));
    }

    @Test
    void aWithinThatIsNotAPeriodExitsTwoNamingTheOption() {
        assertThat(run("policy", "check", "--policies", policies.toString(), "--within", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("--within").contains("'abc' is not a period").contains("60d");
    }

    @Test
    void aNegativeWithinExitsTwoNamingTheOption() {
        assertThat(run("policy", "check", "--policies", policies.toString(), "--within", "-5d")).isEqualTo(2);
        assertThat(err.toString()).contains("--within").contains("'-5d' is not a period ahead");
    }

    @Test
    void anInvalidSetStillExitsTwoWithWithin() throws Exception {
        Files.writeString(policies.resolve("agreements/broken.yaml"), "id: [");

        assertThat(run("policy", "check", "--policies", policies.toString(), "--within", "30d")).isEqualTo(2);
        assertThat(out.toString()).contains("INVALID").doesNotContain("Stops being current");
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(UpcomingFixture.clock());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with '" + start + "' in:\n" + text));
    }
}
