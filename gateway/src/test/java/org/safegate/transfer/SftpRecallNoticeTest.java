package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.admin.DirectAnswers;
import org.safegate.admin.TransferTimings;
import org.safegate.audit.AuditEventType;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.testing.LogCapture;

/** A recall notice to a holder whose inbox is on an SFTP server that is down: held once, delivered when it is back. */
class SftpRecallNoticeTest extends SftpScenarioTest {

    private DirectAnswers api() {
        return new DirectAnswers(gateway.adminServices(new TransferTimings()));
    }

    @Test
    @DisplayName("DOJ's SFTP inbox is down when the recall is issued. Result: the notice is held (one event, one log line, however often retried) and delivered once, complete, when the server is back.")
    void theHoldersSftpInboxIsDown_resultHeldOnceThenDeliveredWhenItIsBack() throws Exception {
        dojInboxOnServer();
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        String transfer = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();
        server.stop();
        ObjectNode body = JSON.createObjectNode();
        body.putArray("transfers").add(transfer);
        body.put("reason", "addresses shared on incomplete requests");
        body.put("notice", "Destroy the file and certify it");

        JsonNode recall;
        try (LogCapture log = new LogCapture()) {
            recall = JSON.readTree(api().issueRecall(body, "officer"));
            gateway.deliverRecallNotices();
            gateway.deliverRecallNotices();
            assertThat(log.events("HELD")).singleElement().satisfies(line -> assertThat(LogCapture.fields(line))
                    .containsEntry("holder", "DOJ"));
        }

        String id = recall.path("id").asText();
        JsonNode notice = recall.path("notices").get(0);
        assertThat(notice.path("state").asText()).isEqualTo("pending");
        assertThat(notice.path("heldReason").asText()).contains(dojEndpoint().describe());
        assertThat(events(AuditEventType.RECALL_NOTICE_HELD)).singleElement()
                .satisfies(e -> assertThat(e.entry().change()).contains(id, "DOJ"));
        assertThat(events(AuditEventType.RECALL_NOTICE_DELIVERED)).isEmpty();

        server.restart();
        Path file = server.root().resolve("doj/inbox/recalls").resolve(id + ".json.p7m");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            gateway.deliverRecallNotices();
            return Files.exists(file);
        });

        assertThat(listAll(file.getParent())).containsExactly(file);
        Path opened = workspace.resolve("opened-notice.json");
        new Opener(keys.agencyEncryption("DOJ"), new CertificateVerifier(keys.trust()), clock)
                .open(file, opened, keys.gatewaySigning().certificate());
        JsonNode document = JSON.readTree(opened.toFile());
        assertThat(document.path("recall").asText()).isEqualTo(id);
        assertThat(document.path("holder").asText()).isEqualTo("DOJ");
        assertThat(document.path("items").findValuesAsText("transfer")).containsExactly(transfer);
        assertThat(events(AuditEventType.RECALL_NOTICE_DELIVERED)).singleElement()
                .satisfies(e -> assertThat(e.entry().recipient()).isEqualTo("DOJ"));
        assertThat(events(AuditEventType.RECALL_NOTICE_HELD)).hasSize(1);
        JsonNode shown = JSON.readTree(api().recall(id)).path("notices").get(0);
        assertThat(shown.path("state").asText()).isEqualTo("delivered");
        assertThat(shown.path("heldSince").isNull()).isTrue();
        gateway.deliverRecallNotices();
        assertThat(listAll(file.getParent())).containsExactly(file);
        assertNoTemporaryFilesOnServer();
    }
}
