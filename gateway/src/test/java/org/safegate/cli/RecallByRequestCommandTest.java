package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.transfer.TransferOutcome;

/**
 * {@code recall create --request ID}: DOJ sent requests to the IRS under IRS-DOJ-2024 (here with
 * request rules), the IRS answered R-001 on lines 2 and 4 of its answer file and R-002 on line 3;
 * an officer recalls the answers to R-001 only.
 */
class RecallByRequestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUTE = "8 U.S.C. 1253(a)(1)";
    private static final String AGREEMENT = "IRS-DOJ-2024";

    @TempDir
    Path dir;
    private EverydayWorkspace ws;
    private String answers;

    @BeforeEach
    void dojRequestsAndTheIrsAnswers() throws IOException {
        ws = new EverydayWorkspace(dir);
        Path yaml = dir.resolve("policies/agreements/irs-doj-2024.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "request-rules: irc-6103-i-2\nrequest-statutes: [\""
                + STATUTE + "\"]\n");
        try (Gateway gateway = ws.openGateway()) {
            StringBuilder requests = new StringBuilder(
                    "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n");
            for (int i = 1; i <= 3; i++) {
                requests.append(String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,IL,62701,2024,%s,"
                        + "\"Case DOJ-2025-%04d needs the address\",\"US Attorney, DOJ\"%n", i, i, 100 + i, STATUTE, i));
            }
            assertThat(send(gateway, "DOJ", "requests/batch.csv", requests.toString()))
                    .isEqualTo(TransferOutcome.DELIVERED);
            assertThat(send(gateway, "IRS", "answers.csv", "request_id,last_known_address\r\n"
                    + "R-001,1 ELM ST\r\nR-002,2 OAK ST\r\nR-001,3 PINE ST\r\n")).isEqualTo(TransferOutcome.DELIVERED);
            answers = new AuditStore(gateway.database()).list(AuditQuery.ALL).stream()
                    .filter(e -> e.type() == AuditEventType.TRANSFER_DELIVERED)
                    .filter(e -> e.entry().object().equals("answers.csv")).findFirst().orElseThrow().entry()
                    .transferId();
        }
    }

    private static TransferOutcome send(Gateway gateway, String agency, String name, String content)
            throws IOException {
        Path outbox = gateway.outboxes().get(agency);
        Path file = outbox.resolve(AGREEMENT).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return gateway.process(agency, outbox, file);
    }

    @Test
    void anOfficerRecallsTheAnswersToOneRequest_resultTheAnswerFileWithThoseRecordsOnly() throws Exception {
        EverydayWorkspace.Result created = ws.direct("officer", "recall", "create", "--request", "R-001",
                "--agreement", AGREEMENT, "--reason", "answers to a request made without a case", "--notice",
                "Destroy the answers to R-001", "--json");

        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode items = JSON.readTree(created.out()).path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("transfer").asText()).isEqualTo(answers);
        assertThat(items.get(0).path("holder").asText()).isEqualTo("DOJ");
        assertThat(items.get(0).path("recordIds")).extracting(JsonNode::asText).containsExactly("2", "4");

        String id = JSON.readTree(created.out()).path("id").asText();
        EverydayWorkspace.Result shown = ws.direct("auditor", "recall", "show", id);
        assertThat(shown.out()).contains("records of " + answers + " (answers.csv.p7m): 2, 4");
    }

    @Test
    void unknownAndUnansweredRequestsAreRefusedByNameWithExitStatusTwo() throws Exception {
        EverydayWorkspace.Result unknown = ws.direct("officer", "recall", "create", "--request", "R-404",
                "--reason", "r", "--notice", "n");
        EverydayWorkspace.Result unanswered = ws.direct("officer", "recall", "create", "--request", "R-001",
                "--request", "R-003", "--reason", "r", "--notice", "n");

        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOT_FOUND").contains("'R-404'");
        assertThat(unanswered.exit()).isEqualTo(2);
        assertThat(unanswered.err()).contains("R-003").contains("no delivered answer");
        assertThat(JSON.readTree(ws.direct("auditor", "recall", "list", "--json").out()).path("recalls")).isEmpty();
    }
}
