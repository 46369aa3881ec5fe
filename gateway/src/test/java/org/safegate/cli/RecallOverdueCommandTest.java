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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * On the command line: {@code policy check --config} takes the revocations and recalls of that
 * gateway's store into account (an officer sees who becomes overdue when), and
 * {@code recall list --overdue} lists the recalls whose holders are overdue today. The IRS delivered
 * to DOJ; an officer recalls it, due 2026-12-10 (00:00 UTC), and revokes ICE.
 */
class RecallOverdueCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DUE = LocalDate.parse("2026-12-10");

    @TempDir
    Path dir;
    private EverydayWorkspace ws;
    private String recall;

    @BeforeEach
    void deliverRecallAndRevoke() throws IOException {
        ws = new EverydayWorkspace(dir);
        String toDoj;
        try (Gateway gateway = ws.openGateway()) {
            Path outbox = gateway.outboxes().get("IRS");
            Path file = Files.createDirectories(outbox.resolve("IRS-DOJ-2024")).resolve("addresses.csv");
            Files.writeString(file, "tin,name\n123456789,Jane Roe\n", StandardCharsets.UTF_8);
            assertThat(gateway.process("IRS", outbox, file)).isEqualTo(TransferOutcome.DELIVERED);
            toDoj = new AuditStore(gateway.database()).list(AuditQuery.ALL).stream()
                    .filter(e -> e.type() == AuditEventType.TRANSFER_DELIVERED).findFirst().orElseThrow()
                    .entry().transferId();
        }
        EverydayWorkspace.Result created = ws.direct("officer", "recall", "create", "--transfer", toDoj,
                "--reason", "addresses shared on incomplete requests", "--notice", "Destroy it", "--due",
                DUE.toString(), "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        recall = JSON.readTree(created.out()).path("id").asText();
        EverydayWorkspace.Result revoked = ws.direct("officer", "agency", "revoke", "ICE", "--reason",
                "incident under review");
        assertThat(revoked.exit()).as(revoked.err()).isZero();
    }

    private EverydayWorkspace.Result check(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("policy", "check"));
        all.addAll(Arrays.asList(args));
        return ws.run(all);
    }

    @Test
    void policyCheckWithConfigShowsWhoBecomesOverdueWhenAndTheRevocationsInForce() throws Exception {
        EverydayWorkspace.Result before = check("--config", ws.config.toString(), "--at", DUE.minusDays(1).toString());
        EverydayWorkspace.Result due = check("--config", ws.config.toString(), "--at", DUE.toString());

        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(line(before.out(), "DOJ ")).contains("current").doesNotContain("NOT");
        assertThat(before.out()).contains("Revocations and recalls: the store at " + dir.resolve("data"));
        assertThat(due.exit()).as(due.err()).isZero();
        assertThat(line(due.out(), "DOJ ")).contains("NOT CURRENT", "RECALL_OVERDUE", "recall " + recall,
                "1 item(s)", "due " + DUE + "T00:00:00Z").doesNotContain("incomplete requests");
        assertThat(line(due.out(), "IRS-DOJ-2024")).contains("DENIED", "RECALL_OVERDUE");
        assertThat(due.out()).contains("AGENCY_REVOKED").contains("incident under review");

        JsonNode json = JSON.readTree(check("--config", ws.config.toString(), "--at", DUE.toString(), "--json").out());
        assertThat(json.path("store").asText()).contains("safegate.db");
        assertThat(agency(json, "DOJ").path("status").asText()).isEqualTo("not-current");
        assertThat(agency(json, "DOJ").path("reasons").findValuesAsText("code")).containsExactly("RECALL_OVERDUE");
        assertThat(agency(json, "ICE").path("reasons").findValuesAsText("code")).contains("AGENCY_REVOKED");

        EverydayWorkspace.Result within = check("--config", ws.config.toString(), "--at",
                TestClocks.CASE_DATE.toString(), "--within", "30d");
        assertThat(within.exit()).as(within.err()).isZero();
        assertThat(line(within.out(), DUE.toString())).contains("DOJ", "RECALL_DUE", recall);
    }

    @Test
    void withoutConfigOrWithoutAStoreNothingIsRevokedOrRecalled() throws Exception {
        EverydayWorkspace.Result plain = check("--policies", dir.resolve("policies").toString(), "--at", DUE.toString(),
                "--json");
        Path elsewhere = Files.writeString(dir.resolve("other.properties"), "safegate.data=" + dir.resolve("none")
                + "\nsafegate.policies=" + dir.resolve("policies") + "\n");
        EverydayWorkspace.Result noStore = check("--config", elsewhere.toString(), "--at", DUE.toString(), "--json");

        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(agency(JSON.readTree(plain.out()), "DOJ").path("status").asText()).isEqualTo("current");
        assertThat(JSON.readTree(plain.out()).path("store").isNull()).isTrue();
        assertThat(noStore.exit()).as(noStore.err()).isZero();
        assertThat(agency(JSON.readTree(noStore.out()), "DOJ").path("status").asText()).isEqualTo("current");
        assertThat(noStore.err()).contains("no Safegate store at " + dir.resolve("none"),
                "evaluated without revocations and recalls");
        assertThat(dir.resolve("none")).as("a reading command creates no store").doesNotExist();
    }

    @Test
    void recallListOverdueListsTheRecallsWhoseHoldersAreOverdueTodayUntilTheItemIsClosed() throws Exception {
        Clock onTheDueDay = TestClocks.running(DUE.atStartOfDay(ZoneOffset.UTC).toInstant());

        assertThat(ids(ws.direct("auditor", "recall", "list", "--overdue", "--json"))).isEmpty();
        assertThat(ids(ws.direct("auditor", "recall", "list", "--overdue=false", "--json"))).containsExactly(recall);
        assertThat(ids(ws.direct(onTheDueDay, "auditor", "recall", "list", "--overdue", "--json")))
                .containsExactly(recall);
        assertThat(ids(ws.direct(onTheDueDay, "auditor", "recall", "list", "--overdue=false", "--json"))).isEmpty();
        assertThat(ws.direct(onTheDueDay, "auditor", "recall", "list", "--overdue").out())
                .containsPattern("(?m)^" + recall + " +IRS ");

        try (Gateway gateway = ws.openGateway(); Connection c = gateway.database().connection();
             PreparedStatement s = c.prepareStatement("UPDATE recall_item SET state = 'CLOSED' WHERE recall_id = ?")) {
            s.setString(1, recall);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(ids(ws.direct(onTheDueDay, "auditor", "recall", "list", "--overdue", "--json"))).isEmpty();
        EverydayWorkspace.Result closed = check("--config", ws.config.toString(), "--at", DUE.toString());
        assertThat(line(closed.out(), "DOJ ")).contains("current").doesNotContain("NOT");
    }

    private static List<String> ids(EverydayWorkspace.Result result) throws IOException {
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out()).path("recalls").findValuesAsText("id");
    }

    private static JsonNode agency(JsonNode check, String id) {
        for (JsonNode agency : check.path("agencies")) {
            if (agency.path("id").asText().equals(id)) {
                return agency;
            }
        }
        throw new AssertionError("no agency " + id + " in " + check);
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + text));
    }
}
