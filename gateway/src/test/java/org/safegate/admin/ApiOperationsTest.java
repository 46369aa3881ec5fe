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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestClocks;

/**
 * Operators act through the API on a running gateway. A security officer records the safeguard
 * events that make ICE current: the next file to ICE, denied before, is delivered. An administrator
 * releases a file denied under a revoked agreement once it is reinstated: the gateway decides it
 * again and delivers it.
 */
class ApiOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    @TempDir
    Path workspace;
    ApiGateway api;

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void safeguardEventsRecordedThroughTheApiLetTheNextFileToIceThrough() throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        api.drop("DOJ", "DOJ-ICE-2024", "before.csv", CSV);
        assertThat(Files.readString(awaitReceipt("DOJ", "DOJ-ICE-2024", "before.csv.denied.json")))
                .contains("CAP_ITEM_UNDATED");

        JsonNode review = record("{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \"" + TODAY + "\"}");
        assertThat(review.path("agency").asText()).isEqualTo("ICE");
        assertThat(review.path("eventType").asText()).isEqualTo("review");
        assertThat(review.path("file").asText()).isEqualTo(Path.of("safeguards", "ice.yaml").toString());
        assertThat(review.path("before").asText()).contains("SR-2023-ICE");
        assertThat(review.path("after").asText()).contains("SR-NEW-ICE");
        assertThat(review.path("current").asBoolean()).as("the CAP still has no dates").isFalse();
        if (!Files.readString(workspace.resolve("policies/safeguards/ice.yaml")).contains("year: " + (TODAY.getYear() - 1))) {
            LocalDate due = LocalDate.of(TODAY.getYear(), 1, 15);
            record("{\"type\": \"ssr\", \"year\": " + (TODAY.getYear() - 1) + ", \"submitted\": \""
                    + (due.isAfter(TODAY) ? TODAY : due) + "\"}");
        }
        LocalDate planned = TODAY.plusMonths(3);
        JsonNode cap = record("{\"type\": \"cap-updated\", \"updated\": \"" + TODAY + "\", \"items\": ["
                + "{\"finding\": \"F-01\", \"implementation-date\": \"" + planned + "\"},"
                + "{\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}");
        assertThat(cap.path("current").asBoolean()).as(cap.toString()).isTrue();
        assertThat(cap.path("reasons")).isEmpty();

        api.drop("DOJ", "DOJ-ICE-2024", "after.csv", CSV);

        awaitReceipt("DOJ", "DOJ-ICE-2024", "after.csv.delivered.json");
        List<AuditEvent> recorded = api.events(AuditEventType.SAFEGUARD_EVENT);
        assertThat(recorded).isNotEmpty().allSatisfy(e -> assertThat(e.entry().actor()).isEqualTo("officer"));
        assertThat(recorded.get(recorded.size() - 1).entry().change()).contains(planned.toString());
    }

    @Test
    void aDeniedTransferReleasedByAnAdministratorIsDecidedAgainAndDelivered() throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        ok(api.postJson("/api/agreements/IRS-DOJ-2024/revoke", "officer", "{\"reason\": \"records sent in error\"}"));
        JsonNode agreement = ok(api.get("/api/agreements/IRS-DOJ-2024", "admin"));
        assertThat(agreement.path("revoked").asBoolean()).isTrue();
        assertThat(agreement.path("revocation").path("by").asText()).isEqualTo("officer");
        api.drop("IRS", "IRS-DOJ-2024", "held-back.csv", CSV);
        assertThat(Files.readString(awaitReceipt("IRS", "IRS-DOJ-2024", "held-back.csv.denied.json")))
                .contains("AGREEMENT_REVOKED");
        JsonNode denied = quarantined("held-back.csv");
        assertThat(denied.path("state").asText()).isEqualTo("quarantined");
        assertThat(denied.path("sender").asText()).isEqualTo("IRS");
        assertThat(denied.path("agreement").asText()).isEqualTo("IRS-DOJ-2024");
        assertThat(denied.path("since").asText()).isNotBlank();
        assertThat(denied.path("reasons").toString()).contains("AGREEMENT_REVOKED");
        ok(api.postJson("/api/agreements/IRS-DOJ-2024/reinstate", "officer", "{\"reason\": \"error corrected\"}"));

        JsonNode released = ok(api.postJson("/api/transfers/" + denied.path("id").asText() + "/release", "admin", "{}"));

        assertThat(released.path("id").asText()).isEqualTo(denied.path("id").asText());
        assertThat(released.path("released").asBoolean()).isTrue();
        assertThat(released.path("releasedBy").asText()).isEqualTo("admin");
        awaitReceipt("IRS", "IRS-DOJ-2024", "held-back.csv.delivered.json");
        assertThat(api.events(AuditEventType.TRANSFER_DELIVERED)).singleElement()
                .satisfies(e -> assertThat(e.entry().transferId()).isNotEqualTo(denied.path("id").asText()));
        assertThat(api.events(AuditEventType.TRANSFER_RELEASED)).singleElement()
                .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("admin"));
        assertThat(ok(api.get("/api/transfers?state=quarantined", "admin")).path("transfers")).isEmpty();
    }

    private JsonNode record(String event) throws Exception {
        return ok(api.postJson("/api/agencies/ICE/safeguards/events", "officer", event));
    }

    private JsonNode quarantined(String name) throws Exception {
        for (JsonNode transfer : ok(api.get("/api/transfers?state=quarantined", "admin")).path("transfers")) {
            if (name.equals(transfer.path("name").asText())) {
                return transfer;
            }
        }
        throw new AssertionError(name + " is not listed as quarantined");
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private Path awaitReceipt(String sender, String agreement, String name) {
        Path receipt = api.receipts(sender, agreement).resolve(name);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(receipt));
        return receipt;
    }
}
