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
 * Recalled data is never sent again: the IRS delivers a file to DOJ, DOJ passes it on to ICE, a
 * security officer recalls the IRS -> DOJ transfer; then the same bytes are denied
 * {@code DATA_RECALLED} whoever sends them, while other data still goes through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecalledDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    ApiGateway api;
    String recallId;

    @BeforeAll
    void deliverPassOnAndRecall(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        makeIceCurrent();
        api.drop("IRS", "IRS-DOJ-2024", "addresses.csv", CSV);
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.events(AuditEventType.TRANSFER_DELIVERED).isEmpty());
        String toDoj = api.events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId();
        HttpResponse<String> created = api.postJson("/api/recalls", "officer", "{\"transfers\": [\"" + toDoj
                + "\"], \"reason\": \"addresses shared on incomplete requests\", \"notice\": \"Destroy it\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        recallId = JSON.readTree(created.body()).path("id").asText();
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
        record("{\"type\": \"cap-updated\", \"updated\": \"" + TODAY + "\", \"items\": ["
                + "{\"finding\": \"F-01\", \"implementation-date\": \"" + planned + "\"},"
                + "{\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}");
    }

    private void record(String event) throws Exception {
        HttpResponse<String> response = api.postJson("/api/agencies/ICE/safeguards/events", "officer", event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Waits for the denial receipt of the file and checks it names the recall and no local path. */
    private void deniedDataRecalled(String sender, String agreement, String name) throws Exception {
        Path receipt = api.receipts(sender, agreement).resolve(name + ".denied.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt));
        JsonNode reasons = JSON.readTree(Files.readString(receipt)).path("reasons");
        assertThat(reasons.findValuesAsText("code")).as(reasons.toString()).contains("DATA_RECALLED");
        JsonNode recalled = java.util.stream.StreamSupport.stream(reasons.spliterator(), false)
                .filter(r -> r.path("code").asText().equals("DATA_RECALLED")).findFirst().orElseThrow();
        assertThat(recalled.path("message").asText()).contains(recallId)
                .doesNotContain(api.workspace.toString()).doesNotContain("/");
        List<AuditEvent> denied = api.events(AuditEventType.TRANSFER_DENIED);
        assertThat(denied).anySatisfy(e -> {
            assertThat(e.entry().object()).isEqualTo(name);
            assertThat(e.entry().agreement()).isEqualTo(agreement);
            assertThat(e.entry().reasonCodes()).contains("DATA_RECALLED");
        });
        assertThat(Files.exists(api.workspace.resolve("work").resolve(sender).resolve("outbox").resolve(agreement)
                .resolve(name))).as("the denied file left the outbox").isFalse();
    }

    @Test
    void dojPassingTheRecalledDataOnToIce_resultDeniedDataRecalledWithReceiptAndAuditEvent() throws Exception {
        api.drop("DOJ", "DOJ-ICE-2024", "onward.csv", CSV);

        deniedDataRecalled("DOJ", "DOJ-ICE-2024", "onward.csv");
        assertThat(api.events(AuditEventType.REDISCLOSURE)).isEmpty();
        assertThat(api.workspace.resolve("work/ICE/inbox/DOJ-ICE-2024/onward.csv.p7m")).doesNotExist();
    }

    @Test
    void theIrsSendingTheSameBytesAgain_resultDeniedDataRecalled_andADifferentFileStillGoesThrough()
            throws Exception {
        api.drop("IRS", "IRS-DOJ-2024", "again.csv", CSV);
        deniedDataRecalled("IRS", "IRS-DOJ-2024", "again.csv");

        api.drop("IRS", "IRS-DOJ-2024", "other.csv", "tin,name,address\n987654321,John Doe,2 Oak Ave\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.events(AuditEventType.TRANSFER_DELIVERED).stream()
                .anyMatch(e -> e.entry().object().equals("other.csv")));
        assertThat(api.workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024/other.csv.p7m")).exists();
    }
}
