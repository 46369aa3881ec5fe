package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.admin.TransferTimings;
import org.safegate.audit.AppendedEvent;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.store.StoreWrite;

/**
 * Each holder of a recall's items gets one sealed, signed notice in its inbox, as
 * {@code recalls/<recall-id>.json.p7m}, exactly once, also when a run stops half way.
 */
class RecallNoticeTest extends RecallNoticeScenarioTest {

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
}
