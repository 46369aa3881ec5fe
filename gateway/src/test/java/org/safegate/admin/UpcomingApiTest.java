package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.cli.SafegateCommand;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/**
 * {@code GET /api/policy/upcoming} and the {@code safegate_days_until_not_current} gauge of a running
 * gateway on the case day: DOJ and ICE owe their SSRs for 2026 by January 31 and the agreement DOJ ->
 * ICE ends on 2027-03-01; the example CRL and certificates last until 2036.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpcomingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = TestClocks.CASE_DATE;
    private static final LocalDate SSR_LATE = LocalDate.of(DAY.getYear() + 1, 2, 1);

    private ApiGateway api;

    @BeforeAll
    void start(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @Test
    void upcomingWithin90DaysListsTheSsrsAndTheAgreementByDay() throws Exception {
        HttpResponse<String> response = api.get("/api/policy/upcoming?within=90d", "auditor");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode root = JSON.readTree(response.body());
        assertThat(root.get("at").asText()).isEqualTo(DAY.toString());
        assertThat(root.get("within").asText()).isEqualTo("P90D");
        assertThat(root.get("until").asText()).isEqualTo(DAY.plusDays(90).toString());
        assertThat(summary(root.get("upcoming"))).containsExactly(
                SSR_LATE + " DOJ SSR_DUE -",
                SSR_LATE + " ICE SSR_DUE -",
                DAY.plusDays(90) + " ICE AGREEMENT_EXPIRES DOJ-ICE-2024");
        JsonNode agreement = root.get("upcoming").get(2);
        assertThat(agreement.get("inDays").asInt()).isEqualTo(90);
        assertThat(agreement.get("reason").asText()).isEqualTo("AGREEMENT_NOT_IN_FORCE");
        assertThat(agreement.get("what").asText()).contains("ends on " + DAY.plusDays(90));
    }

    @Test
    void theDefaultIs30DaysAndAtMovesTheWindow() throws Exception {
        assertThat(JSON.readTree(api.get("/api/policy/upcoming", "admin").body()).get("upcoming")).isEmpty();

        JsonNode later = JSON.readTree(api.get("/api/policy/upcoming?at=" + SSR_LATE.minusDays(10), "admin").body());
        assertThat(later.get("within").asText()).isEqualTo("P30D");
        assertThat(summary(later.get("upcoming"))).containsExactly(SSR_LATE + " DOJ SSR_DUE -",
                SSR_LATE + " ICE SSR_DUE -");
    }

    @Test
    void theApiAndPolicyCheckGiveTheSameChanges() throws Exception {
        JsonNode fromApi = JSON.readTree(api.get("/api/policy/upcoming?within=P90D", "auditor").body());
        StringWriter out = new StringWriter();
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.caseDay());
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("policy", "check", "--policies", api.workspace.resolve("policies").toString(),
                "--within", "90d", "--json");

        assertThat(exit).isZero();
        JsonNode fromCli = JSON.readTree(out.toString());
        assertThat(fromCli.get("upcoming")).isEqualTo(fromApi.get("upcoming"));
        assertThat(fromCli.get("until")).isEqualTo(fromApi.get("until"));
    }

    @Test
    void badWithinAndUnknownParametersAre400NamingThem() throws Exception {
        for (String query : List.of("within=abc", "within=-5d", "within=0d")) {
            HttpResponse<String> response = api.get("/api/policy/upcoming?" + query, "auditor");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("field").asText()).as(query).isEqualTo("within");
        }
        HttpResponse<String> typo = api.get("/api/policy/upcoming?whithin=60d", "auditor");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(typo.body()).get("field").asText()).isEqualTo("whithin");
    }

    @Test
    void theGaugeCountsDaysToTheEarliestChangeAndIsZeroForAnAgencyNotCurrent() throws Exception {
        String metrics = api.get("/metrics", "auditor").body();

        assertThat(metrics).contains("# TYPE safegate_days_until_not_current gauge\n")
                .contains("safegate_days_until_not_current{agency=\"DOJ\"} " + ChronoUnit.DAYS.between(DAY, SSR_LATE)
                        + "\n")
                // ICE's review is stale and its CAP items undated on the case day
                .contains("safegate_days_until_not_current{agency=\"ICE\"} 0\n")
                // a provider only: its certificates and the gateway's, the earliest the example CRL's nextUpdate
                .contains("safegate_days_until_not_current{agency=\"IRS\"} "
                        + ChronoUnit.DAYS.between(DAY, LocalDate.of(2036, 11, 23)) + "\n");
    }

    private static List<String> summary(JsonNode upcoming) {
        List<String> lines = new ArrayList<>();
        upcoming.forEach(n -> lines.add(n.get("day").asText() + " " + n.get("agency").asText() + " "
                + n.get("kind").asText() + " " + (n.get("agreement").isNull() ? "-" : n.get("agreement").asText())));
        return lines;
    }
}
