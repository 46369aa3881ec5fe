package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestClocks;

/**
 * An overdue recall stops further disclosures, through the real wiring: the IRS delivers to DOJ and
 * recalls it, due at the start of the case day + 2. Before then DOJ is current and receives; on
 * that day (the gateway reopened on its clock) a file to DOJ is denied {@code RECALL_OVERDUE} with a
 * receipt and an audit event, the API says DOJ is not current and lists the recall as overdue; once
 * DOJ's item is certified (its state set in the store) the very next file goes through.
 */
class RecallOverdueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DUE = TestClocks.CASE_DATE.plusDays(2);
    private static final String REASON = "addresses shared on incomplete requests";

    @TempDir
    Path workspace;

    @Test
    void aHolderPastItsDueDateIsDeniedRecallOverdueUntilItCertifies() throws Exception {
        String recall;
        try (ApiGateway api = ApiGateway.start(workspace, Map.of())) {
            api.drop("IRS", "IRS-DOJ-2024", "addresses.csv", "tin,name\n123456789,Jane Roe\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> !api.events(AuditEventType.TRANSFER_DELIVERED).isEmpty());
            String toDoj = api.events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId();
            HttpResponse<String> created = api.postJson("/api/recalls", "officer", "{\"transfers\": [\"" + toDoj
                    + "\"], \"reason\": \"" + REASON + "\", \"notice\": \"Destroy it\", \"due\": \"" + DUE + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            recall = JSON.readTree(created.body()).path("id").asText();

            assertThat(agency(api, "DOJ").path("status").asText()).isEqualTo("current");
            assertThat(recalls(api, "?overdue=true")).isEmpty();
            assertThat(recalls(api, "?overdue=false").findValuesAsText("id")).containsExactly(recall);
            JsonNode upcoming = get(api, "admin", "/api/policy/upcoming?within=30d").path("upcoming");
            assertThat(upcoming).anySatisfy(item -> {
                assertThat(item.path("day").asText()).isEqualTo(DUE.toString());
                assertThat(item.path("agency").asText()).isEqualTo("DOJ");
                assertThat(item.path("kind").asText()).isEqualTo("RECALL_DUE");
                assertThat(item.path("reason").asText()).isEqualTo("RECALL_OVERDUE");
                assertThat(item.path("what").asText()).contains(recall);
            });
            assertThat(agency(api, "DOJ").path("upcoming").findValuesAsText("reason")).contains("RECALL_OVERDUE");

            api.drop("IRS", "IRS-DOJ-2024", "before.csv", "tin,name\n222222222,Before Due\n");
            delivered(api, "before.csv");
        }

        try (ApiGateway api = ApiGateway.start(workspace, Map.of(), TestClocks.running(
                DUE.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))) {
            JsonNode doj = agency(api, "DOJ");
            assertThat(doj.path("status").asText()).isEqualTo("not-current");
            assertThat(doj.path("reasons").findValuesAsText("code")).containsExactly("RECALL_OVERDUE");
            assertThat(recalls(api, "?overdue=true").findValuesAsText("id")).containsExactly(recall);
            assertThat(recalls(api, "?overdue=false")).isEmpty();

            api.drop("IRS", "IRS-DOJ-2024", "after.csv", "tin,name\n333333333,After Due\n");
            Path receipt = api.receipts("IRS", "IRS-DOJ-2024").resolve("after.csv.denied.json");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt));
            JsonNode reasons = JSON.readTree(Files.readString(receipt)).path("reasons");
            assertThat(reasons.findValuesAsText("code")).containsExactly("RECALL_OVERDUE");
            assertThat(reasons.get(0).path("message").asText()).contains("recall " + recall, "1 item(s)",
                    "due " + DUE + "T00:00:00Z").doesNotContain(REASON);
            assertThat(api.events(AuditEventType.TRANSFER_DENIED)).anySatisfy(e -> {
                assertThat(e.entry().object()).isEqualTo("after.csv");
                assertThat(e.entry().reasonCodes()).contains("RECALL_OVERDUE");
            });
            assertThat(workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024/after.csv.p7m")).doesNotExist();

            try (Connection c = api.gateway.database().connection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE recall_item SET state = 'CERTIFIED' WHERE recall_id = ? AND holder = 'DOJ'")) {
                s.setString(1, recall);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            assertThat(agency(api, "DOJ").path("status").asText()).isEqualTo("current");
            assertThat(recalls(api, "?overdue=true")).isEmpty();
            api.drop("IRS", "IRS-DOJ-2024", "certified.csv", "tin,name\n444444444,After Certified\n");
            delivered(api, "certified.csv");
        }
    }

    @Test
    void anOverdueFilterThatIsNeitherTrueNorFalseIsRefusedByName() throws Exception {
        try (ApiGateway api = ApiGateway.start(workspace, Map.of())) {
            HttpResponse<String> response = api.get("/api/recalls?overdue=yes", "auditor");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("overdue", "'yes'");
        }
    }

    private static void delivered(ApiGateway api, String name) {
        await().atMost(Duration.ofSeconds(60)).until(() -> api.events(AuditEventType.TRANSFER_DELIVERED).stream()
                .anyMatch(e -> e.entry().object().equals(name)));
    }

    private static JsonNode agency(ApiGateway api, String id) throws Exception {
        return get(api, "admin", "/api/agencies/" + id);
    }

    private static JsonNode recalls(ApiGateway api, String query) throws Exception {
        return get(api, "auditor", "/api/recalls" + query).path("recalls");
    }

    private static JsonNode get(ApiGateway api, String operator, String path) throws Exception {
        HttpResponse<String> response = api.get(path, operator);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
