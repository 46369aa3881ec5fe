package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.ApiGateway;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.operator.SafeguardEvents;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * {@code recall close}: on the gateway's store with an operator's login, and through the running
 * gateway. The IRS delivered to DOJ, which passed the data on to ICE; the officer recalls it all.
 */
class RecallCloseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    @TempDir
    Path dir;
    private EverydayWorkspace ws;
    private String toDoj;
    private String toIce;
    private String recall;

    @BeforeEach
    void deliverToDojWhichPassesItOnToIceAndRecallIt() throws IOException {
        ws = new EverydayWorkspace(dir);
        try (Gateway gateway = ws.openGateway()) {
            SafeguardEvents events = gateway.safeguardEvents();
            events.record("ICE", JSON.readTree("{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \""
                    + TODAY + "\"}"), "olga");
            String planned = TODAY.plusMonths(3).toString();
            events.record("ICE", JSON.readTree("{\"type\": \"cap-updated\", \"updated\": \"" + TODAY + "\", \"items\": ["
                    + "{\"finding\": \"F-01\", \"implementation-date\": \"" + planned + "\"},"
                    + "{\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}"), "olga");
            assertThat(send(gateway, "IRS", "IRS-DOJ-2024", "addresses.csv")).isEqualTo(TransferOutcome.DELIVERED);
            assertThat(send(gateway, "DOJ", "DOJ-ICE-2024", "onward.csv")).isEqualTo(TransferOutcome.DELIVERED);
            AuditStore store = new AuditStore(gateway.database());
            toDoj = store.list(AuditQuery.ALL).stream().filter(e -> e.type() == AuditEventType.TRANSFER_DELIVERED)
                    .findFirst().orElseThrow().entry().transferId();
            toIce = store.children(toDoj).get(0).entry().transferId();
        }
        EverydayWorkspace.Result created = ws.direct("officer", "recall", "create", "--transfer", toDoj,
                "--reason", "addresses shared on incomplete requests", "--notice", "Destroy it", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        recall = JSON.readTree(created.out()).path("id").asText();
    }

    private static TransferOutcome send(Gateway gateway, String agency, String agreement, String name)
            throws IOException {
        Path outbox = gateway.outboxes().get(agency);
        Path file = outbox.resolve(agreement).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        return gateway.process(agency, outbox, file);
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
    void anOfficerClosesAnItemOnTheStoreAuditedAndShownWithItsReason() throws Exception {
        EverydayWorkspace.Result closed = ws.direct("officer", "recall", "close", recall, "--item", toIce,
                "--reason", "ICE destroyed the copy with the server", "--json");

        assertThat(closed.exit()).as(closed.err()).isZero();
        JsonNode answer = JSON.readTree(closed.out());
        assertThat(item(answer, toIce).path("state").asText()).isEqualTo("closed");
        assertThat(item(answer, toIce).path("closure").path("closedBy").asText()).isEqualTo("officer");
        assertThat(item(answer, toIce).path("closure").path("reason").asText())
                .isEqualTo("ICE destroyed the copy with the server");
        assertThat(item(answer, toDoj).path("state").asText()).isEqualTo("open");
        EverydayWorkspace.Result shown = ws.direct("auditor", "recall", "show", recall, "--json");
        assertThat(JSON.readTree(shown.out())).isEqualTo(answer);
        EverydayWorkspace.Result text = ws.direct("auditor", "recall", "show", recall);
        assertThat(text.out()).containsPattern("(?m)^" + toIce + " +ICE +DOJ-ICE-2024 .* +closed$")
                .contains("closed " + toIce + " (ICE) by officer at ")
                .contains(": ICE destroyed the copy with the server");
        try (Gateway gateway = ws.openGateway()) {
            assertThat(new AuditStore(gateway.database()).list(AuditQuery.ALL)).filteredOn(e -> e.type()
                    == AuditEventType.RECALL_ITEM_CLOSED).singleElement().satisfies(e -> {
                        assertThat(e.entry().actor()).isEqualTo("officer");
                        assertThat(e.entry().origin()).isEqualTo("cli");
                        assertThat(e.entry().object()).isEqualTo(toIce);
                        assertThat(e.entry().provider()).isEqualTo("IRS");
                        assertThat(e.entry().recipient()).isEqualTo("ICE");
                    });
        }
    }

    @Test
    void badClosuresAreRefusedByNameWithExitStatusTwoAndCloseNothing() throws Exception {
        assertThat(ws.direct("officer", "recall", "close", recall, "--item", toIce, "--reason", "gone").exit())
                .isZero();

        EverydayWorkspace.Result auditor = ws.direct("auditor", "recall", "close", recall, "--item", toDoj,
                "--reason", "r");
        EverydayWorkspace.Result again = ws.direct("officer", "recall", "close", recall, "--item", toDoj,
                "--item", toIce, "--reason", "r");
        EverydayWorkspace.Result notAnItem = ws.direct("officer", "recall", "close", recall, "--item", "T-none",
                "--reason", "r");
        EverydayWorkspace.Result noRecall = ws.direct("officer", "recall", "close", "R-none", "--item", toDoj,
                "--reason", "r");
        EverydayWorkspace.Result blank = ws.direct("officer", "recall", "close", recall, "--item", toDoj,
                "--reason", " ");
        EverydayWorkspace.Result noReason = ws.direct("officer", "recall", "close", recall, "--item", toDoj);

        assertThat(auditor.exit()).isEqualTo(2);
        assertThat(auditor.err()).contains("recall:close");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains(toIce, "already closed");
        assertThat(notAnItem.exit()).isEqualTo(2);
        assertThat(notAnItem.err()).contains("'T-none'", "not an item of recall " + recall);
        assertThat(noRecall.exit()).isEqualTo(2);
        assertThat(noRecall.err()).contains("'R-none'");
        assertThat(blank.exit()).isEqualTo(2);
        assertThat(blank.err()).contains("reason");
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
        JsonNode stored = JSON.readTree(ws.direct("auditor", "recall", "show", recall, "--json").out());
        assertThat(item(stored, toDoj).path("state").asText()).isEqualTo("open");
    }

    @Test
    void aHolderRemovedFromThePoliciesKeepsItsItemOpenAndVisibleUntilAnOfficerClosesIt() throws Exception {
        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            removeIceFromThePolicies();
            EverydayWorkspace.Result reloaded = ws.remote(api, "admin", "policy", "reload");
            assertThat(reloaded.exit()).as(reloaded.err()).isZero();
            assertThat(ws.remote(api, "admin", "agency", "show", "ICE").err()).contains("NOT_FOUND");

            EverydayWorkspace.Result shown = ws.remote(api, "auditor", "recall", "show", recall, "--json");
            assertThat(shown.exit()).as(shown.err()).isZero();
            assertThat(item(JSON.readTree(shown.out()), toIce).path("state").asText()).isEqualTo("open");
            EverydayWorkspace.Result listed = ws.remote(api, "auditor", "recall", "list", "--holder", "ICE", "--open");
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.out()).containsPattern("(?m)^" + recall + " +IRS .* 2 +yes +DOJ, ICE$");

            EverydayWorkspace.Result closed = ws.remote(api, "officer", "recall", "close", recall, "--item", toIce,
                    "--item", toDoj, "--reason", "ICE no longer exists; DOJ's copy went with the case file", "--json");

            assertThat(closed.exit()).as(closed.err()).isZero();
            JsonNode answer = JSON.readTree(closed.out());
            assertThat(answer.path("items").findValuesAsText("state")).containsExactly("closed", "closed");
            assertThat(answer.path("open").asBoolean()).isFalse();
        }
        EverydayWorkspace.Result onTheStore = ws.direct("auditor", "recall", "show", recall);
        assertThat(onTheStore.exit()).as(onTheStore.err()).isZero();
        assertThat(onTheStore.out()).contains("(done)").containsPattern("(?m)^" + toIce + " +ICE .* +closed$");
    }

    /** ICE leaves: its agency, safeguards and agreements are deleted, and DOJ may no longer pass data on to it. */
    private void removeIceFromThePolicies() throws IOException {
        Path policies = dir.resolve("policies");
        for (String file : List.of("agencies/ice.yaml", "safeguards/ice.yaml", "agreements/irs-ice-2025.yaml",
                "agreements/doj-ice-2024.yaml")) {
            Files.delete(policies.resolve(file));
        }
        Path irsDoj = policies.resolve("agreements/irs-doj-2024.yaml");
        String text = Files.readString(irsDoj);
        assertThat(text).contains("redisclosure: [ICE]");
        Files.writeString(irsDoj, text.replace("redisclosure: [ICE]", "redisclosure: []"));
    }
}
