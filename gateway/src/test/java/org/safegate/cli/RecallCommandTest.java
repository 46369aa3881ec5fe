package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
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
 * {@code recall create|list|show}: on the gateway's store with an operator's login, and through the
 * running gateway, with the API's JSON. The IRS delivered to DOJ, which passed the data on to ICE.
 */
class RecallCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    @TempDir
    Path dir;
    private EverydayWorkspace ws;
    private String toDoj;
    private String toIce;

    @BeforeEach
    void deliverToDojWhichPassesItOnToIce() throws IOException {
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
    }

    private static TransferOutcome send(Gateway gateway, String agency, String agreement, String name)
            throws IOException {
        Path outbox = gateway.outboxes().get(agency);
        Path file = outbox.resolve(agreement).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        return gateway.process(agency, outbox, file);
    }

    @Test
    void anOfficerRecallsOnTheStoreAndEveryoneReadsItThereAndThroughTheRunningGateway() throws Exception {
        EverydayWorkspace.Result created = ws.direct("officer", "recall", "create", "--transfer", toDoj,
                "--reason", "addresses shared on incomplete requests", "--notice", "Destroy it", "--due", "P10D",
                "--json");

        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode recall = JSON.readTree(created.out());
        String id = recall.path("id").asText();
        assertThat(recall.path("issuedBy").asText()).isEqualTo("officer");
        assertThat(recall.path("items").findValuesAsText("transfer")).containsExactly(toDoj, toIce);
        assertThat(recall.path("items").findValuesAsText("holder")).containsExactly("DOJ", "ICE");
        assertThat(recall.path("notices").findValuesAsText("state")).as("left for the gateway")
                .containsExactly("pending", "pending");

        EverydayWorkspace.Result shown = ws.direct("auditor", "recall", "show", id, "--json");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(JSON.readTree(shown.out())).isEqualTo(recall);
        EverydayWorkspace.Result text = ws.direct("auditor", "recall", "show", id);
        assertThat(text.out()).contains("recall " + id + " of IRS's data").containsPattern(
                "(?m)^" + toIce + " +ICE +DOJ-ICE-2024 .* onward.csv.p7m +" + toDoj + " +open")
                .containsPattern("(?m)^HOLDER +NOTICE +FILE +SINCE +HELD$").containsPattern("(?m)^ICE +pending +- +- +-$");
        EverydayWorkspace.Result list = ws.direct("auditor", "recall", "list", "--holder", "ICE", "--open");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("RECALL").containsPattern("(?m)^" + id + " +IRS .* 2 +yes +DOJ, ICE$");
        assertThat(JSON.readTree(ws.direct("auditor", "recall", "list", "--open=false", "--json").out())
                .path("recalls")).isEmpty();

        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            // the gateway delivers, once it runs, the notices the command left pending
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(ws.remote(api, "auditor",
                    "recall", "show", id, "--json").out()).path("notices").findValuesAsText("state")
                    .equals(List.of("delivered", "delivered")));
            EverydayWorkspace.Result remote = ws.remote(api, "auditor", "recall", "show", id, "--json");
            assertThat(remote.exit()).as(remote.err()).isZero();
            ObjectNode shownRemotely = (ObjectNode) JSON.readTree(remote.out());
            shownRemotely.remove("notices");
            ((ObjectNode) recall).remove("notices");
            assertThat(shownRemotely).isEqualTo(recall);
            assertThat(dir.resolve("work/ICE/inbox/recalls").resolve(id + ".json.p7m")).isNotEmptyFile();
            EverydayWorkspace.Result again = ws.remote(api, "officer", "recall", "create", "--transfer", toIce,
                    "--reason", "r", "--notice", "n", "--json");
            assertThat(again.exit()).as(again.err()).isZero();
            EverydayWorkspace.Result listed = ws.remote(api, "officer", "recall", "list", "--holder", "ICE", "--json");
            assertThat(JSON.readTree(listed.out()).path("recalls").findValuesAsText("id"))
                    .contains(id, JSON.readTree(again.out()).path("id").asText());
            EverydayWorkspace.Result forbidden = ws.remote(api, "auditor", "recall", "create", "--transfer", toIce,
                    "--reason", "r", "--notice", "n");
            assertThat(forbidden.exit()).isEqualTo(2);
            assertThat(forbidden.err()).contains("FORBIDDEN");
        }
    }

    @Test
    void badRecallsAreRefusedByNameWithExitStatusTwo() throws Exception {
        EverydayWorkspace.Result unknown = ws.direct("officer", "recall", "create", "--transfer", "T-none",
                "--reason", "r", "--notice", "n");
        EverydayWorkspace.Result auditor = ws.direct("auditor", "recall", "create", "--transfer", toDoj,
                "--reason", "r", "--notice", "n");
        EverydayWorkspace.Result past = ws.direct("officer", "recall", "create", "--transfer", toDoj,
                "--reason", "r", "--notice", "n", "--due", "P-1D");
        EverydayWorkspace.Result nothing = ws.direct("officer", "recall", "create", "--reason", "r", "--notice", "n");
        EverydayWorkspace.Result backwards = ws.direct("officer", "recall", "create", "--agreement", "IRS-DOJ-2024",
                "--from", TODAY.toString(), "--to", TODAY.minusDays(1).toString(), "--reason", "r", "--notice", "n");
        EverydayWorkspace.Result noRecall = ws.direct("auditor", "recall", "show", "R-none");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOT_FOUND").contains("'T-none'");
        assertThat(auditor.exit()).isEqualTo(2);
        assertThat(auditor.err()).contains("recall:issue");
        assertThat(past.exit()).isEqualTo(2);
        assertThat(past.err()).contains("due");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to recall");
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).contains("from");
        assertThat(noRecall.exit()).isEqualTo(2);
        assertThat(noRecall.err()).contains("'R-none'");
        assertThat(JSON.readTree(ws.direct("auditor", "recall", "list", "--json").out()).path("recalls")).isEmpty();
    }
}
