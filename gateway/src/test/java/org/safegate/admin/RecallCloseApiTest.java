package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEventType;

/**
 * {@code POST /api/recalls/{id}/close} through a running gateway: the IRS delivered two files to
 * DOJ; a security officer recalls them and closes items without a certificate, over HTTPS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecallCloseApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";

    ApiGateway api;
    String first;
    String second;

    @BeforeAll
    void deliverTwoFilesToDoj(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        api.drop("IRS", "IRS-DOJ-2024", "first.csv", CSV);
        api.drop("IRS", "IRS-DOJ-2024", "second.csv", CSV.replace("Jane", "John"));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.events(AuditEventType.TRANSFER_DELIVERED).size() == 2);
        first = api.events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId();
        second = api.events(AuditEventType.TRANSFER_DELIVERED).get(1).entry().transferId();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private String recallOf(String... transfers) throws Exception {
        HttpResponse<String> created = api.postJson("/api/recalls", "officer", "{\"transfers\": "
                + JSON.writeValueAsString(List.of(transfers)) + ", \"reason\": \"shared in error\","
                + " \"notice\": \"Destroy it\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private HttpResponse<String> close(String recall, String body) throws Exception {
        return api.postJson("/api/recalls/" + recall + "/close", "officer", body);
    }

    private static JsonNode item(JsonNode recall, String transfer) {
        for (JsonNode item : recall.path("items")) {
            if (item.path("transfer").asText().equals(transfer)) {
                return item;
            }
        }
        throw new AssertionError(transfer + " is not in " + recall);
    }

    @Test
    void anOfficerClosesAnItemAndTheRecallShowsTheClosureAsGetDoes() throws Exception {
        String recall = recallOf(first, second);

        HttpResponse<String> closed = close(recall, "{\"items\": [\"" + second + "\"], \"reason\": \"DOJ's copy"
                + " was destroyed with the case file\"}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(closed.body());
        assertThat(answer).isEqualTo(JSON.readTree(api.get("/api/recalls/" + recall, "auditor").body()));
        assertThat(answer.path("open").asBoolean()).as("the other item is still open").isTrue();
        JsonNode item = item(answer, second);
        assertThat(item.path("state").asText()).isEqualTo("closed");
        assertThat(item.path("closure").path("closedBy").asText()).isEqualTo("officer");
        assertThat(item.path("closure").path("reason").asText()).isEqualTo("DOJ's copy was destroyed with the case file");
        assertThat(item.path("closure").path("closedAt").asText()).isNotEmpty();
        assertThat(item(answer, first).has("closure")).as("absent on an open item").isFalse();
        assertThat(api.events(AuditEventType.RECALL_ITEM_CLOSED)).anySatisfy(e -> {
            assertThat(e.entry().actor()).isEqualTo("officer");
            assertThat(e.entry().object()).isEqualTo(second);
            assertThat(e.entry().provider()).isEqualTo("IRS");
            assertThat(e.entry().recipient()).isEqualTo("DOJ");
            assertThat(e.entry().origin()).startsWith("admin API");
            assertThat(e.entry().change()).contains(recall, second, "destroyed with the case file");
        });
        assertThat(JSON.readTree(api.get("/api/recalls?open=false", "auditor").body()).path("recalls")
                .findValuesAsText("id")).doesNotContain(recall);
    }

    @Test
    void severalItemsAreClosedInOneCallAndTheRecallIsDone() throws Exception {
        String recall = recallOf(first, second);

        HttpResponse<String> closed = close(recall, "{\"items\": [\"" + first + "\", \"" + second + "\"],"
                + " \"reason\": \"the holder was dissolved\"}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(closed.body());
        assertThat(answer.path("items").findValuesAsText("state")).containsOnly("closed");
        assertThat(answer.path("open").asBoolean()).isFalse();
        assertThat(JSON.readTree(api.get("/api/recalls?open=false", "auditor").body()).path("recalls")
                .findValuesAsText("id")).contains(recall);
    }

    @Test
    void anItemClosedAlreadyIsAConflictNamingItsStateAndNothingElseIsClosed() throws Exception {
        String recall = recallOf(first, second);
        assertThat(close(recall, "{\"items\": [\"" + first + "\"], \"reason\": \"r\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> again = close(recall, "{\"items\": [\"" + second + "\", \"" + first + "\"],"
                + " \"reason\": \"r\"}");

        refused(again, 409, "items", "already closed");
        assertThat(item(JSON.readTree(api.get("/api/recalls/" + recall, "auditor").body()), second).path("state")
                .asText()).isEqualTo("open");
    }

    @Test
    void badClosuresAreRefusedNamingWhatIsWrong() throws Exception {
        String recall = recallOf(first);
        long events = api.events(AuditEventType.RECALL_ITEM_CLOSED).size();

        refused(close("R-none", "{\"items\": [\"" + first + "\"], \"reason\": \"r\"}"), 404, null, "R-none");
        refused(close(recall, "{\"items\": [\"" + second + "\"], \"reason\": \"r\"}"), 404, "items",
                "not an item of recall");
        refused(close(recall, "{\"items\": [\"" + first + "\"]}"), 400, "reason", "reason is required");
        refused(close(recall, "{\"items\": [\"" + first + "\"], \"reason\": \" \"}"), 400, "reason", "required");
        refused(close(recall, "{\"items\": [\"" + first + "\"], \"reason\": \"" + "x".repeat(2001) + "\"}"), 400,
                "reason", "longer than 2000");
        refused(close(recall, "{\"reason\": \"r\"}"), 400, "items", "name the items");
        refused(close(recall, "{\"items\": [], \"reason\": \"r\"}"), 400, "items", "name the items");
        refused(close(recall, "{\"items\": \"" + first + "\", \"reason\": \"r\"}"), 400, "items", "list");
        refused(close(recall, "{\"items\": [\"" + first + "\"], \"reason\": \"r\", \"why\": \"typo\"}"), 400, "why",
                "not a known field");

        assertThat(api.events(AuditEventType.RECALL_ITEM_CLOSED)).hasSize((int) events);
        assertThat(JSON.readTree(api.get("/api/recalls/" + recall, "auditor").body()).path("open").asBoolean())
                .isTrue();
    }

    private static void refused(HttpResponse<String> response, int status, String field, String says)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        if (field != null) {
            assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        }
        assertThat(problem.path("detail").asText()).contains(says);
    }
}
