package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.safegate.admin.AdminServices;
import org.safegate.admin.DirectAnswers;
import org.safegate.admin.TransferTimings;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;

/**
 * What the recall notice scenarios share: the IRS delivers a file to DOJ, DOJ passes it on to ICE,
 * and a security officer recalls the IRS -> DOJ transfer through the admin API's own code.
 */
abstract class RecallNoticeScenarioTest extends TransferScenarioTest {
    String toDoj;
    String toIce;

    void deliverToDojWhichPassesItOnToIce() throws IOException {
        makeIceCurrent();
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        toDoj = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();
        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
        toIce = single(AuditEventType.REDISCLOSURE).entry().transferId();
    }

    /** Issues the recall of the IRS -> DOJ transfer as the admin API does; returns its JSON answer. */
    JsonNode recall(AdminServices services) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("transfers").add(toDoj);
        body.put("reason", "addresses shared on incomplete requests");
        body.put("notice", "Destroy the file of the IRS and certify it");
        return JSON.readTree(new DirectAnswers(services).issueRecall(body, "officer"));
    }

    JsonNode recallByTheRunningGateway() throws IOException {
        return recall(gateway.adminServices(new TransferTimings()));
    }

    JsonNode shown(String recallId) throws IOException {
        return JSON.readTree(new DirectAnswers(gateway.adminServices(new TransferTimings())).recall(recallId));
    }

    static JsonNode notice(JsonNode recall, String holder) {
        for (JsonNode notice : recall.path("notices")) {
            if (notice.path("holder").asText().equals(holder)) {
                return notice;
            }
        }
        throw new AssertionError("no notice to " + holder + " in " + recall);
    }

    Path noticeFile(String holder, String recallId) {
        return inbox(holder).resolve("recalls").resolve(recallId + ".json.p7m");
    }

    /** Opens the notice with the holder's key, checking it is signed by the gateway; returns its JSON. */
    JsonNode openNotice(String holder, Path sealed) throws IOException {
        Path out = workspace.resolve("opened-" + holder + "-" + sealed.getFileName());
        new Opener(keys.agencyEncryption(holder), new CertificateVerifier(keys.trust()), clock)
                .open(sealed, out, keys.gatewaySigning().certificate());
        return JSON.readTree(out.toFile());
    }

    /** What the holder must read: the recall's facts and its own items, as the API shows them. */
    static JsonNode expectedNotice(JsonNode recall, String holder) {
        ObjectNode expected = JSON.createObjectNode();
        expected.put("recall", recall.path("id").asText());
        expected.put("issuer", "IRS");
        expected.put("holder", holder);
        expected.put("issuedAt", recall.path("issuedAt").asText());
        expected.put("due", recall.path("due").asText());
        expected.put("notice", "Destroy the file of the IRS and certify it");
        ArrayNode items = expected.putArray("items");
        for (JsonNode item : recall.path("items")) {
            if (item.path("holder").asText().equals(holder)) {
                ObjectNode copy = item.deepCopy();
                copy.remove(List.of("holder", "state"));
                items.add(copy);
            }
        }
        return expected;
    }

    List<AuditEvent> delivered(String holder) {
        return events(AuditEventType.RECALL_NOTICE_DELIVERED).stream()
                .filter(e -> e.entry().recipient().equals(holder)).toList();
    }
}
