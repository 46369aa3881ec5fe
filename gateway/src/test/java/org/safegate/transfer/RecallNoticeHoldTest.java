package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.LogCapture;
import org.safegate.testing.TestFiles;

/** A recall notice the holder's inbox cannot take stays pending, is held once, and is delivered when it can. */
class RecallNoticeHoldTest extends RecallNoticeScenarioTest {

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
