package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.cli.SafegateCommand;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/**
 * An agency's standing reads the same in the API as in {@code safegate policy check}: on the
 * example policies, every agency's status (current, not-current, provider-only), whether it is
 * current, and its reasons.
 */
class ApiStandingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAgencyStandsInTheApiAsPolicyCheckSays(@TempDir Path workspace) throws Exception {
        Map<String, JsonNode> checked = new HashMap<>();
        Map<String, JsonNode> answered = new HashMap<>();
        try (ApiGateway api = ApiGateway.start(workspace, Map.of())) {
            LocalDate today = TestClocks.CASE_DATE; // the day the gateway's clock starts on
            for (JsonNode agency : policyCheck(workspace.resolve("policies"), today).path("agencies")) {
                checked.put(agency.path("id").asText(), agency);
            }
            for (JsonNode agency : JSON.readTree(api.get("/api/agencies", "admin").body()).path("agencies")) {
                answered.put(agency.path("id").asText(), agency);
                JsonNode one = JSON.readTree(api.get("/api/agencies/" + agency.path("id").asText(), "admin").body());
                assertThat(one.path("status")).isEqualTo(agency.path("status"));
            }
        }

        assertThat(answered.keySet()).isEqualTo(checked.keySet());
        assertThat(checked.values()).extracting(a -> a.path("status").asText()).contains("provider-only");
        checked.forEach((id, expected) -> {
            JsonNode actual = answered.get(id);
            assertThat(actual.path("status")).as(id).isEqualTo(expected.path("status"));
            assertThat(actual.path("current")).as(id).isEqualTo(expected.path("current"));
            assertThat(actual.path("reasons").findValuesAsText("code")).as(id)
                    .isEqualTo(expected.path("reasons").findValuesAsText("code"));
        });
        assertThat(answered.get("IRS").path("status").asText()).isEqualTo("provider-only");
        assertThat(answered.get("IRS").path("reasons")).isEmpty();
    }

    private static JsonNode policyCheck(Path policies, LocalDate day) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute("policy", "check", "--json", "--policies", policies.toString(), "--at", day.toString());
        assertThat(exit).as(out.toString()).isIn(0, 1);
        return JSON.readTree(out.toString());
    }
}
