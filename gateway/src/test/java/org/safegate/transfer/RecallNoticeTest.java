package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.admin.AdminServices;
import org.safegate.admin.DirectAnswers;
import org.safegate.admin.TransferTimings;
import org.safegate.audit.AppendedEvent;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.store.StoreWrite;
import org.safegate.testing.LogCapture;
import org.safegate.testing.TestFiles;

/**
 * Each holder of a recall's items gets one sealed, signed notice in its inbox, as
 * {@code recalls/<recall-id>.json.p7m}: the IRS delivers a file to DOJ, DOJ passes it on to ICE,
 * and a security officer recalls the IRS -> DOJ transfer through the admin API's own code.
 */
class RecallNoticeTest extends TransferScenarioTest {
    private String toDoj;
    private String toIce;

    private void deliverToDojWhichPassesItOnToIce() throws IOException {
        makeIceCurrent();
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        toDoj = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();
        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
        toIce = single(AuditEventType.REDISCLOSURE).entry().transferId();
    }

    /** Issues the recall of the IRS -> DOJ transfer as the admin API does; returns its JSON answer. */
    private JsonNode recall(AdminServices services) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("transfers").add(toDoj);
        body.put("reason", "addresses shared on incomplete requests");
        body.put("notice", "Destroy the file of the IRS and certify it");
        return JSON.readTree(new DirectAnswers(services).issueRecall(body, "officer"));
    }

    private JsonNode recallByTheRunningGateway() throws IOException {
        return recall(gateway.adminServices(new TransferTimings()));
    }

    private JsonNode shown(String recallId) throws IOException {
        return JSON.readTree(new DirectAnswers(gateway.adminServices(new TransferTimings())).recall(recallId));
    }

    private static JsonNode notice(JsonNode recall, String holder) {
        for (JsonNode notice : recall.path("notices")) {
            if (notice.path("holder").asText().equals(holder)) {
                return notice;
            }
        }
        throw new AssertionError("no notice to " + holder + " in " + recall);
    }

    private Path noticeFile(String holder, String recallId) {
        return inbox(holder).resolve("recalls").resolve(recallId + ".json.p7m");
    }

    /** Opens the notice with the holder's key, checking it is signed by the gateway; returns its JSON. */
    private JsonNode openNotice(String holder, Path sealed) throws IOException {
        Path out = workspace.resolve("opened-" + holder + "-" + sealed.getFileName());
        new Opener(keys.agencyEncryption(holder), new CertificateVerifier(keys.trust()), clock)
                .open(sealed, out, keys.gatewaySigning().certificate());
        return JSON.readTree(out.toFile());
    }

    /** What the holder must read: the recall's facts and its own items, as the API shows them. */
    private static JsonNode expectedNotice(JsonNode recall, String holder) {
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

    private List<AuditEvent> delivered(String holder) {
        return events(AuditEventType.RECALL_NOTICE_DELIVERED).stream()
                .filter(e -> e.entry().recipient().equals(holder)).toList();
    }

    @Test
    @DisplayName("A recall of data DOJ passed on to ICE. Result: DOJ and ICE each get one notice, signed by the gateway, that only they can open, with their own items; delivering again adds nothing.")
    void aTwoLevelRecall_resultEachHolderGetsOneSealedSignedNoticeWithItsItems() throws Exception {
        deliverToDojWhichPassesItOnToIce();

        JsonNode recall = recallByTheRunningGateway();

        String id = recall.path("id").asText();
        for (String holder : List.of("DOJ", "ICE")) {
            Path file = noticeFile(holder, id);
            JsonNode opened = openNotice(holder, file);
            assertThat(opened).isEqualTo(expectedNotice(recall, holder));
            assertThat(opened.path("items")).hasSize(1);
            assertThat(opened.path("items").get(0).path("transfer").asText())
                    .isEqualTo(holder.equals("DOJ") ? toDoj : toIce);
            assertThat(listAll(inbox(holder).resolve("recalls"))).containsExactly(file);
            AuditEntry event = delivered(holder).stream().map(AuditEvent::entry).reduce((a, b) -> {
                throw new AssertionError("two notices delivered to " + holder);
            }).orElseThrow();
            assertThat(event.provider()).isEqualTo("IRS");
            assertThat(event.object()).isEqualTo(id);
            assertThat(event.change()).contains(id, holder, "recalls/" + id + ".json.p7m");
            JsonNode notice = notice(recall, holder);
            assertThat(notice.path("state").asText()).isEqualTo("delivered");
            assertThat(notice.path("deliveredAs").asText()).isEqualTo("recalls/" + id + ".json.p7m");
            assertThat(notice.path("heldSince").isNull()).isTrue();
        }
        assertThat(recall.path("notices")).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> openNotice("ICE", noticeFile("DOJ", id)))
                .as("sealed to DOJ only").isInstanceOf(org.safegate.SafegateException.class);

        gateway.deliverRecallNotices();

        assertThat(events(AuditEventType.RECALL_NOTICE_DELIVERED)).hasSize(2);
        assertThat(listAll(inbox("DOJ").resolve("recalls"))).containsExactly(noticeFile("DOJ", id));
        assertThat(listAll(inbox("ICE").resolve("recalls"))).containsExactly(noticeFile("ICE", id));
        assertThat(shown(id).path("notices")).isEqualTo(recall.path("notices"));
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("A recall issued by a command on the store. Result: its notices wait, pending, for the running gateway, which delivers them.")
    void aRecallIssuedOnTheStore_resultNoticesPendingUntilTheGatewayDeliversThem() throws Exception {
        deliverToDojWhichPassesItOnToIce();

        JsonNode recall = recall(gateway.adminServicesOnStore(new TransferTimings()));

        String id = recall.path("id").asText();
        assertThat(notice(recall, "DOJ").path("state").asText()).isEqualTo("pending");
        assertThat(notice(recall, "ICE").path("state").asText()).isEqualTo("pending");
        assertThat(noticeFile("DOJ", id)).doesNotExist();
        gateway.deliverRecallNotices();
        assertThat(openNotice("DOJ", noticeFile("DOJ", id))).isEqualTo(expectedNotice(recall, "DOJ"));
        assertThat(openNotice("ICE", noticeFile("ICE", id))).isEqualTo(expectedNotice(recall, "ICE"));
        assertThat(shown(id).path("notices").findValuesAsText("state")).containsExactly("delivered", "delivered");
    }

    /** A log that stops the run (as a kill would) right after the notice's delivery is durable. */
    private RecallNotices stoppingAfterTheDeliveryEvent() {
        AuditLog log = gateway.auditLog();
        AuditLog stopping = new AuditLog() {
            @Override
            public AppendedEvent append(AuditEntry entry) {
                return log.append(entry);
            }

            @Override
            public AppendedEvent append(AuditEntry entry, StoreWrite alongside) {
                log.append(entry, alongside);
                throw new SimulatedCrash(entry.type());
            }
        };
        return new RecallNotices(gateway.database(), gateway.policies(), new Endpoints(workspace), keys,
                (agency, day) -> List.of(), stopping, clock);
    }

    @Test
    @DisplayName("A run stopped after auditing DOJ's notice, before publishing it. Result: the next attempt publishes it, once, without a second event.")
    void aRunStoppedAfterTheEvent_resultTheNextAttemptPublishesItWithoutAuditingAgain() throws Exception {
        deliverToDojWhichPassesItOnToIce();
        String id = recall(gateway.adminServicesOnStore(new TransferTimings())).path("id").asText();
        try {
            stoppingAfterTheDeliveryEvent().deliverPending();
            throw new AssertionError("the run did not stop");
        } catch (SimulatedCrash stopped) {
            // as a kill leaves it: DOJ's delivery recorded, its sealed copy under its hidden name
        }
        assertThat(noticeFile("DOJ", id)).doesNotExist();
        assertThat(notice(shown(id), "DOJ").path("state").asText()).isEqualTo("publishing");
        assertThat(delivered("DOJ")).hasSize(1);

        restart();
        gateway.deliverRecallNotices();

        assertThat(delivered("DOJ")).hasSize(1);
        assertThat(delivered("ICE")).hasSize(1);
        assertThat(openNotice("DOJ", noticeFile("DOJ", id)).path("recall").asText()).isEqualTo(id);
        assertThat(listAll(inbox("DOJ").resolve("recalls"))).containsExactly(noticeFile("DOJ", id));
        assertThat(shown(id).path("notices").findValuesAsText("state")).containsExactly("delivered", "delivered");
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("A run stopped after auditing DOJ's notice, and its hidden copy lost meanwhile. Result: the notice is sealed again and published once, without a second event.")
    void aRunStoppedAfterTheEventWhoseCopyIsGone_resultSealedAgainAndPublishedOnce() throws Exception {
        deliverToDojWhichPassesItOnToIce();
        JsonNode recall = recall(gateway.adminServicesOnStore(new TransferTimings()));
        String id = recall.path("id").asText();
        try {
            stoppingAfterTheDeliveryEvent().deliverPending();
            throw new AssertionError("the run did not stop");
        } catch (SimulatedCrash stopped) {
            // DOJ's delivery recorded
        }
        try (var hidden = Files.list(inbox("DOJ").resolve("recalls"))) {
            for (Path copy : hidden.toList()) {
                Files.delete(copy);
            }
        }

        gateway.deliverRecallNotices();

        assertThat(delivered("DOJ")).hasSize(1);
        assertThat(openNotice("DOJ", noticeFile("DOJ", id))).isEqualTo(expectedNotice(recall, "DOJ"));
        assertThat(listAll(inbox("DOJ").resolve("recalls"))).containsExactly(noticeFile("DOJ", id));
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("ICE is no longer in the policies when the recall is issued. Result: DOJ's notice is delivered; ICE's stays pending and visible, held once (one event, one log line), and is delivered once ICE is back.")
    void aHolderNoLongerInThePolicies_resultItsNoticeStaysPendingHeldOnceThenDelivered() throws Exception {
        deliverToDojWhichPassesItOnToIce();
        Path policies = workspace.resolve("policies");
        for (String file : List.of("agencies/ice.yaml", "agreements/doj-ice-2024.yaml", "agreements/irs-ice-2025.yaml",
                "safeguards/ice.yaml")) {
            Files.delete(policies.resolve(file));
        }
        Path irsDoj = policies.resolve("agreements/irs-doj-2024.yaml");
        Files.writeString(irsDoj, Files.readString(irsDoj).replace("redisclosure: [ICE]", "redisclosure: []"));
        assertThat(gateway.policies().reload()).isTrue();

        JsonNode recall;
        try (LogCapture log = new LogCapture()) {
            recall = recallByTheRunningGateway();
            gateway.deliverRecallNotices();
            gateway.deliverRecallNotices();

            assertThat(log.events("HELD")).singleElement().satisfies(line -> assertThat(LogCapture.fields(line))
                    .containsEntry("holder", "ICE").containsEntry("recall", recall.path("id").asText())
                    .containsKey("reason"));
        }
        String id = recall.path("id").asText();
        assertThat(noticeFile("DOJ", id)).exists();
        assertThat(noticeFile("ICE", id)).doesNotExist();
        assertThat(events(AuditEventType.RECALL_NOTICE_HELD)).singleElement().satisfies(e -> {
            assertThat(e.entry().recipient()).isEqualTo("ICE");
            assertThat(e.entry().provider()).isEqualTo("IRS");
            assertThat(e.entry().object()).isEqualTo(id);
            assertThat(e.entry().change()).contains("not an agency of the current policies");
        });
        JsonNode ice = notice(shown(id), "ICE");
        assertThat(ice.path("state").asText()).isEqualTo("pending");
        assertThat(ice.path("heldReason").asText()).contains("ICE is not an agency of the current policies");
        assertThat(ice.path("heldSince").isNull()).isFalse();
        assertThat(shown(id).path("items").findValuesAsText("holder")).as("its items stay visible").contains("ICE");

        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("policies"), policies);
        makeIceCurrent();
        assertThat(gateway.policies().reload()).isTrue();
        gateway.deliverRecallNotices();

        assertThat(openNotice("ICE", noticeFile("ICE", id))).isEqualTo(expectedNotice(recall, "ICE"));
        assertThat(delivered("ICE")).hasSize(1);
        assertThat(events(AuditEventType.RECALL_NOTICE_HELD)).hasSize(1);
        assertThat(notice(shown(id), "ICE").path("heldSince").isNull()).isTrue();
    }

    @Test
    @DisplayName("DOJ's encryption certificate is missing on the gateway. Result: its notice is held with the reason and delivered once the certificate is back.")
    void theHoldersCertificateIsMissing_resultHeldThenDelivered() throws Exception {
        deliverToDojWhichPassesItOnToIce();
        Path certificate = workspace.resolve("keys-example/agencies/DOJ/encrypt.crt");
        Path aside = workspace.resolve("encrypt.crt.aside");
        Files.move(certificate, aside);

        JsonNode recall = recallByTheRunningGateway();

        String id = recall.path("id").asText();
        assertThat(notice(recall, "DOJ").path("state").asText()).isEqualTo("pending");
        assertThat(notice(recall, "DOJ").path("heldReason").asText()).contains("DOJ's certificate");
        assertThat(notice(recall, "ICE").path("state").asText()).isEqualTo("delivered");
        assertThat(inbox("DOJ").resolve("recalls")).satisfiesAnyOf(f -> assertThat(f).doesNotExist(),
                f -> assertThat(listAll(f)).isEmpty());
        Files.move(aside, certificate);
        gateway.deliverRecallNotices();

        assertThat(openNotice("DOJ", noticeFile("DOJ", id))).isEqualTo(expectedNotice(recall, "DOJ"));
        assertThat(events(AuditEventType.RECALL_NOTICE_HELD)).singleElement()
                .satisfies(e -> assertThat(e.entry().recipient()).isEqualTo("DOJ"));
    }
}
