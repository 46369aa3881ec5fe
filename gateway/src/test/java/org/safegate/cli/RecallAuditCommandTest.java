package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.ApiGateway;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * What auditors see of recalls in {@code audit show} and {@code audit report}, on the store and
 * through the running gateway. The IRS delivered three files to DOJ; DOJ passed the first on to
 * ICE. Recall A (of the first, so of ICE's copy too) is certified by DOJ and overdue at ICE;
 * recall B of the second was closed by an officer; recall C of ICE's copy alone (DOJ's onward
 * disclosure) is certified; the third file was never recalled. The items are moved in the store,
 * as certificates and officers do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecallAuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private EverydayWorkspace ws;
    private String toDoj;
    private String toIce;
    private String other;
    private String kept;
    private String recallA;
    private String recallC;

    @BeforeAll
    void deliverRecallAndDispose(@TempDir Path workspace) throws Exception {
        dir = workspace;
        ws = new EverydayWorkspace(dir);
        try (Gateway gateway = ws.openGateway()) {
            String planned = TestClocks.CASE_DATE.plusMonths(3).toString();
            gateway.safeguardEvents().record("ICE", JSON.readTree("{\"type\": \"review\", \"id\": \"SR-NEW-ICE\","
                    + " \"completed\": \"" + TestClocks.CASE_DATE + "\"}"), "olga");
            gateway.safeguardEvents().record("ICE", JSON.readTree("{\"type\": \"cap-updated\", \"updated\": \""
                    + TestClocks.CASE_DATE + "\", \"items\": [{\"finding\": \"F-01\", \"implementation-date\": \""
                    + planned + "\"}, {\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}"), "olga");
            String data = "tin,name,address\n123456789,Jane Roe,1 Main St\n";
            send(gateway, "IRS", "IRS-DOJ-2024", "addresses.csv", data);
            send(gateway, "DOJ", "DOJ-ICE-2024", "onward.csv", data);
            send(gateway, "IRS", "IRS-DOJ-2024", "other.csv", "tin,name,address\n987654321,John Doe,2 Oak St\n");
            send(gateway, "IRS", "IRS-DOJ-2024", "kept.csv", "tin,name,address\n555555555,Ann Poe,3 Elm St\n");
            List<AuditEvent> delivered = new AuditStore(gateway.database()).list(AuditQuery.ALL).stream()
                    .filter(e -> e.type() == AuditEventType.TRANSFER_DELIVERED
                            || e.type() == AuditEventType.REDISCLOSURE).toList();
            toDoj = delivered.get(0).entry().transferId();
            toIce = delivered.get(1).entry().transferId();
            other = delivered.get(2).entry().transferId();
            kept = delivered.get(3).entry().transferId();
            assertThat(delivered.get(1).entry().parentTransfer()).isEqualTo(toDoj);
        }
        recallA = recall(toDoj);
        String recallB = recall(other);
        recallC = recall(toIce);
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            update(database, "UPDATE recall_item SET state = 'CERTIFIED' WHERE recall_id = ? AND transfer_id = ?",
                    recallA, toDoj);
            update(database, "UPDATE recall_item SET state = 'CLOSED' WHERE recall_id = ? AND transfer_id = ?",
                    recallB, other);
            update(database, "UPDATE recall_item SET state = 'CERTIFIED' WHERE recall_id = ? AND transfer_id = ?",
                    recallC, toIce);
            // recall A was issued ten days before the case day and fell due the day before: ICE's open item is overdue
            update(database, "UPDATE recall SET issued_at = " + TestClocks.CASE_DAY.minus(Duration.ofDays(10))
                    .toEpochMilli() + ", due_at = " + TestClocks.CASE_DAY.minus(Duration.ofDays(1)).toEpochMilli()
                    + " WHERE recall_id = ?", recallA);
        }
    }

    private static void send(Gateway gateway, String agency, String agreement, String name, String content)
            throws IOException {
        Path outbox = gateway.outboxes().get(agency);
        Path file = outbox.resolve(agreement).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertThat(gateway.process(agency, outbox, file)).isEqualTo(TransferOutcome.DELIVERED);
    }

    private String recall(String transfer) throws IOException {
        EverydayWorkspace.Result created = ws.direct("officer", "recall", "create", "--transfer", transfer,
                "--reason", "addresses shared on incomplete requests", "--notice", "Destroy it", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        return JSON.readTree(created.out()).path("id").asText();
    }

    private static void update(Database database, String sql, String... parameters) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            assertThat(s.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    private JsonNode json(EverydayWorkspace.Result result) throws IOException {
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    void auditShowGivesEachRecallOfTheTransferAndHowEveryTransferOfTheChainStands() throws Exception {
        JsonNode shown = json(ws.direct("auditor", "audit", "show", toIce, "--json"));

        JsonNode recalls = shown.path("recalls");
        assertThat(recalls.findValuesAsText("id")).as("by issue time").containsExactly(recallA, recallC);
        assertThat(recalls.get(0).path("issuer").asText()).isEqualTo("IRS");
        assertThat(recalls.get(0).path("state").asText()).isEqualTo("open");
        assertThat(recalls.get(0).path("overdue").asBoolean()).isTrue();
        assertThat(recalls.get(0).path("due").asText()).isEqualTo(TestClocks.CASE_DAY.minus(Duration.ofDays(1))
                .toString());
        assertThat(recalls.get(1).path("state").asText()).isEqualTo("certified");
        assertThat(recalls.get(1).path("overdue").asBoolean()).isFalse();
        JsonNode chain = shown.path("chain");
        assertThat(chain.path("transfer").asText()).isEqualTo(toDoj);
        assertThat(chain.path("recall").asText()).as("DOJ certified its only item").isEqualTo("disposed");
        assertThat(chain.at("/onward/0/transfer").asText()).isEqualTo(toIce);
        assertThat(chain.at("/onward/0/recall").asText()).isEqualTo("overdue");
        assertThat(json(ws.direct("auditor", "audit", "show", other, "--json")).at("/chain/recall").asText())
                .isEqualTo("closed");
        JsonNode notRecalled = json(ws.direct("auditor", "audit", "show", kept, "--json"));
        assertThat(notRecalled.path("recalls")).isEmpty();
        assertThat(notRecalled.at("/chain/recall").isNull()).isTrue();

        EverydayWorkspace.Result text = ws.direct("auditor", "audit", "show", toIce);
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("(?m)^  recall " + recallA + " of IRS's data, issued \\S+, due "
                + TestClocks.CASE_DAY.minus(Duration.ofDays(1)).toString().replace("Z", "") + "\\S*: open, OVERDUE$")
                .containsPattern("(?m)^  recall " + recallC + " of DOJ's data, .*: certified$")
                .containsPattern("(?m)^" + toDoj + " .*\\[recall: disposed\\]$")
                .containsPattern("(?m)^  `- " + toIce + " \\* .*\\[recall: overdue\\]$");
        assertThat(ws.direct("auditor", "audit", "show", kept).out()).contains("Recalls: none")
                .doesNotContain("[recall:");

        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            assertThat(json(ws.remote(api, "auditor", "audit", "show", toIce))).as("the API answers the same")
                    .isEqualTo(shown);
        }
    }

    @Test
    void auditReportCountsRecalledDisposedClosedAndOpenDeliveriesPerAgreement() throws Exception {
        JsonNode report = json(ws.direct("auditor", "audit", "report", "--json"));

        JsonNode irsDoj = report.at("/agreements/IRS-DOJ-2024");
        assertThat(irsDoj.path("transfersDelivered").asLong()).isEqualTo(3);
        assertThat(irsDoj.path("recalled").asLong()).isEqualTo(2);
        assertThat(irsDoj.path("disposed").asLong()).isEqualTo(1);
        assertThat(irsDoj.path("closed").asLong()).isEqualTo(1);
        assertThat(irsDoj.path("open").asLong()).isZero();
        JsonNode dojIce = report.at("/agreements/DOJ-ICE-2024");
        assertThat(dojIce.path("redisclosed").asLong()).isEqualTo(1);
        assertThat(dojIce.path("recalled").asLong()).isEqualTo(1);
        assertThat(dojIce.path("open").asLong()).as("certified under C, still open under A").isEqualTo(1);
        assertThat(dojIce.path("disposed").asLong() + dojIce.path("closed").asLong()).isZero();

        EverydayWorkspace.Result text = ws.direct("auditor", "audit", "report");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("(?m)^AGREEMENT .* FROM OTHER SENDERS +RECALLED +DISPOSED +CLOSED +OPEN$")
                .containsPattern("(?m)^IRS-DOJ-2024 +IRS +3 .* 2 +1 +1 +0$")
                .containsPattern("(?m)^DOJ-ICE-2024 +DOJ .* 1 +0 +0 +1$");

        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            assertThat(json(ws.remote(api, "auditor", "audit", "report"))).as("the API answers the same")
                    .isEqualTo(report);
        }
    }
}
