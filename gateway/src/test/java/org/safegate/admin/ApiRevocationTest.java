package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;

/**
 * A security officer revokes DOJ through the API while the gateway runs. Result: the very next
 * file to DOJ is denied (AGENCY_REVOKED); after reinstatement the next one is delivered again;
 * both changes are audited with the officer as actor.
 */
class ApiRevocationTest {
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";

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
    void aRevocationThroughTheApiDeniesTheVeryNextFile() throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        api.drop("IRS", "IRS-DOJ-2024", "before.csv", CSV);
        awaitReceipt("before.csv.delivered.json");

        HttpResponse<String> revoke = api.postJson("/api/agencies/DOJ/revoke", "officer",
                "{\"reason\": \"Safeguard review found FTI on a shared drive\","
                        + " \"notice\": \"Suspended pending a safeguard review\"}");
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
        assertThat(revoke.body()).containsPattern("\"notice\" ?: ?\"Suspended pending a safeguard review\"");
        api.drop("IRS", "IRS-DOJ-2024", "after.csv", CSV + "987654321,John Doe,2 Main St\n");

        Path denied = awaitReceipt("after.csv.denied.json");
        // the partner reads the notice; the officer's reason stays in the audit log
        assertThat(Files.readString(denied)).contains("AGENCY_REVOKED")
                .contains("Suspended pending a safeguard review").doesNotContain("shared drive");
        List<AuditEvent> revocations = api.events(AuditEventType.AGENCY_REVOKED);
        assertThat(revocations).hasSize(1);
        assertThat(revocations.get(0).entry().actor()).isEqualTo("officer");
        assertThat(revocations.get(0).entry().object()).isEqualTo("DOJ");
        assertThat(revocations.get(0).entry().change()).contains("FTI on a shared drive");

        HttpResponse<String> reinstate = api.postJson("/api/agencies/DOJ/reinstate", "officer",
                "{\"reason\": \"Drive cleaned, CAP item closed\"}");
        assertThat(reinstate.statusCode()).as(reinstate.body()).isEqualTo(200);
        api.drop("IRS", "IRS-DOJ-2024", "later.csv", CSV + "111111111,Ann Lee,3 Main St\n");
        awaitReceipt("later.csv.delivered.json");
        assertThat(api.events(AuditEventType.AGENCY_REINSTATED)).singleElement()
                .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("officer"));
    }

    private Path awaitReceipt(String name) {
        Path receipt = api.receipts("IRS", "IRS-DOJ-2024").resolve(name);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(receipt));
        return receipt;
    }
}
