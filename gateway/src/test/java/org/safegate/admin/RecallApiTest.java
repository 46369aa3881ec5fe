package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestClocks;

/**
 * Recalls through a running gateway: the IRS delivers a file to DOJ, DOJ passes the same data on
 * to ICE (a redisclosure); a security officer recalls the IRS -> DOJ transfer over HTTPS and the
 * recall holds both DOJ's and ICE's copies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecallApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    ApiGateway api;
    String toDoj;
    String toIce;

    @BeforeAll
    void deliverToDojWhichPassesItOnToIce(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.recall.default-due", "P14D"));
        makeIceCurrent();
        api.drop("IRS", "IRS-DOJ-2024", "addresses.csv", CSV);
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.events(AuditEventType.TRANSFER_DELIVERED).isEmpty());
        toDoj = api.events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId();
        api.drop("DOJ", "DOJ-ICE-2024", "onward.csv", CSV);
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.events(AuditEventType.REDISCLOSURE).isEmpty());
        toIce = api.events(AuditEventType.REDISCLOSURE).get(0).entry().transferId();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private void makeIceCurrent() throws Exception {
        record("{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \"" + TODAY + "\"}");
        if (!Files.readString(api.workspace.resolve("policies/safeguards/ice.yaml"))
                .contains("year: " + (TODAY.getYear() - 1))) {
            LocalDate due = LocalDate.of(TODAY.getYear(), 1, 15);
            record("{\"type\": \"ssr\", \"year\": " + (TODAY.getYear() - 1) + ", \"submitted\": \""
                    + (due.isAfter(TODAY) ? TODAY : due) + "\"}");
        }
        LocalDate planned = TODAY.plusMonths(3);
        JsonNode cap = record("{\"type\": \"cap-updated\", \"updated\": \"" + TODAY + "\", \"items\": ["
                + "{\"finding\": \"F-01\", \"implementation-date\": \"" + planned + "\"},"
                + "{\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}");
        assertThat(cap.path("current").asBoolean()).as(cap.toString()).isTrue();
    }

    private JsonNode record(String event) throws Exception {
        HttpResponse<String> response = api.postJson("/api/agencies/ICE/safeguards/events", "officer", event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> issue(String body) throws Exception {
        return api.postJson("/api/recalls", "officer", body);
    }

    private static String recallOf(String transfer, String more) {
        return "{\"transfers\": [\"" + transfer + "\"], \"reason\": \"addresses shared on incomplete requests\","
                + " \"notice\": \"Destroy the file and certify it\"" + more + "}";
    }

    @Test
    void recallingTheIrsToDojTransferResolvesDojsAndIcesCopiesStoredAuditedAndReadable() throws Exception {
        HttpResponse<String> created = issue(recallOf(toDoj, ""));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode recall = JSON.readTree(created.body());
        assertThat(recall.path("issuer").asText()).isEqualTo("IRS");
        assertThat(recall.path("issuedBy").asText()).isEqualTo("officer");
        assertThat(recall.path("open").asBoolean()).isTrue();
        assertThat(java.time.Instant.parse(recall.path("due").asText())).as("safegate.recall.default-due")
                .isEqualTo(java.time.Instant.parse(recall.path("issuedAt").asText()).plus(Duration.ofDays(14)));
        JsonNode items = recall.path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("transfer").asText()).isEqualTo(toDoj);
        assertThat(items.get(0).path("holder").asText()).isEqualTo("DOJ");
        assertThat(items.get(0).path("agreement").asText()).isEqualTo("IRS-DOJ-2024");
        assertThat(items.get(0).path("deliveredName").asText()).isEqualTo("addresses.csv.p7m");
        assertThat(items.get(0).path("parent").isNull()).isTrue();
        assertThat(items.get(1).path("transfer").asText()).isEqualTo(toIce);
        assertThat(items.get(1).path("holder").asText()).isEqualTo("ICE");
        assertThat(items.get(1).path("agreement").asText()).isEqualTo("DOJ-ICE-2024");
        assertThat(items.get(1).path("parent").asText()).isEqualTo(toDoj);
        assertThat(items.get(1).path("sha256").asText()).startsWith("sha256:")
                .isEqualTo(items.get(0).path("sha256").asText());
        assertThat(items.get(1).path("state").asText()).isEqualTo("open");

        String id = recall.path("id").asText();
        // the running gateway delivers each holder's notice before it answers
        assertThat(recall.path("notices").findValuesAsText("holder")).containsExactly("DOJ", "ICE");
        assertThat(recall.path("notices").findValuesAsText("state")).containsExactly("delivered", "delivered");
        assertThat(api.workspace.resolve("work/DOJ/inbox/recalls/" + id + ".json.p7m")).isNotEmptyFile();
        assertThat(api.workspace.resolve("work/ICE/inbox/recalls/" + id + ".json.p7m")).isNotEmptyFile();
        HttpResponse<String> shown = api.get("/api/recalls/" + id, "auditor");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body())).isEqualTo(recall);
        assertThat(JSON.readTree(api.get("/api/recalls?holder=ICE&open=true", "auditor").body()).path("recalls")
                .findValuesAsText("id")).contains(id);
        List<AuditEvent> issued = api.events(AuditEventType.RECALL_ISSUED);
        assertThat(issued).anySatisfy(e -> {
            assertThat(e.entry().actor()).isEqualTo("officer");
            assertThat(e.entry().object()).isEqualTo(id);
            assertThat(e.entry().change()).contains(toDoj, toIce);
        });
    }

    @Test
    void aSecondRecallOfTheSameItemIsAllowedAndBothAreTracked() throws Exception {
        String first = JSON.readTree(issue(recallOf(toIce, "")).body()).path("id").asText();
        HttpResponse<String> second = issue(recallOf(toIce, ", \"due\": \"P60D\""));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode listed = JSON.readTree(api.get("/api/recalls?holder=ICE", "officer").body()).path("recalls");
        assertThat(listed.findValuesAsText("id")).contains(first, JSON.readTree(second.body()).path("id").asText());
        assertThat(JSON.readTree(api.get("/api/recalls?holder=IRS", "officer").body()).path("recalls")).isEmpty();
    }

    @Test
    void aRecallOfAnAgreementInAPeriodTakesItsDeliveriesAndTheirDownstream() throws Exception {
        HttpResponse<String> created = issue("{\"agreement\": \"IRS-DOJ-2024\", \"from\": \"" + TODAY.minusDays(1)
                + "\", \"to\": \"" + TODAY.plusDays(1) + "\", \"reason\": \"r\", \"notice\": \"n\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("items").findValuesAsText("transfer")).contains(toDoj, toIce);
    }

    @Test
    void badRecallsAreRefusedNamingWhatIsWrong() throws Exception {
        refused(issue(recallOf("T-unknown", "")), 404, null, "T-unknown");
        refused(issue("{\"reason\": \"r\", \"notice\": \"n\"}"), 400, "transfers", "nothing to recall");
        refused(issue("{\"transfers\": [], \"reason\": \"r\", \"notice\": \"n\"}"), 400, "transfers",
                "nothing to recall");
        refused(issue("{\"agreement\": \"IRS-DOJ-2024\", \"from\": \"2020-01-01\", \"to\": \"2020-01-31\","
                + " \"reason\": \"r\", \"notice\": \"n\"}"), 400, "agreement", "nothing to recall");
        refused(issue("{\"agreement\": \"IRS-DOJ-2024\", \"from\": \"" + TODAY + "\", \"to\": \"" + TODAY.minusDays(1)
                + "\", \"reason\": \"r\", \"notice\": \"n\"}"), 400, "from", "after");
        refused(issue(recallOf(toDoj, ", \"due\": \"" + TODAY.minusDays(1) + "\"")), 400, "due", "not after");
        refused(issue(recallOf(toDoj, ", \"due\": \"P-5D\"")), 400, "due", "not after");
        refused(issue(recallOf(toDoj, ", \"due\": \"thirty days\"")), 400, "due", "ISO period");
        refused(issue("{\"transfers\": [\"" + toDoj + "\"], \"notice\": \"n\"}"), 400, "reason", "reason");
        refused(issue(recallOf(toDoj, ", \"requests\": [\"R-001\"]")), 404, "requests", "R-001");
        refused(issue("{\"requests\": [\"R-001\"], \"reason\": \"r\", \"notice\": \"n\"}"), 404, "requests",
                "R-001");
        refused(issue(recallOf(toDoj, ", \"requests\": []")), 400, "requests", "empty");
        refused(issue("{\"requests\": [\"R-001\"], \"from\": \"" + TODAY + "\", \"to\": \"" + TODAY
                + "\", \"reason\": \"r\", \"notice\": \"n\"}"), 400, "agreement", "agreement");
        refused(issue(recallOf(toDoj, ", \"reasons\": \"typo\"")), 400, "reasons", "not a known field");
        refused(api.get("/api/recalls/R-none", "auditor"), 404, null, "R-none");
    }

    private static void refused(HttpResponse<String> response, int status, String field, String says)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        if (field != null) {
            assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        }
        assertThat(problem.path("detail").asText() + problem.path("message").asText()).contains(says);
    }
}
