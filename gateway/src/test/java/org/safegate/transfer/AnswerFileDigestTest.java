package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallItem;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.RecallScope;
import org.safegate.store.AnswerRecords;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.StoredPassedRequests;

/**
 * An answer file one of whose answers is withheld: what DOJ receives is not the IRS's file, and the
 * delivery is recorded under the digest of what DOJ received, so DOJ passing it on is a
 * redisclosure and a recall of the answer file stops the same answers whoever sends them again.
 */
class AnswerFileDigestTest extends TransferScenarioTest {
    private static final String STATUTE = "8 U.S.C. 1253(a)(1)";
    private static final String AGREEMENT = "IRS-DOJ-2024";

    @BeforeEach
    void dojRequestsUnderRequestRules() throws Exception {
        Path yaml = workspace.resolve("policies/agreements/irs-doj-2024.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "request-rules: irc-6103-i-2\nrequest-statutes: [\""
                + STATUTE + "\"]\n");
        makeIceCurrent();
        start(Map.of());
        Path requests = write(outbox("DOJ").resolve(AGREEMENT).resolve("requests").resolve("batch.csv"),
                requests(1, 2, 3));
        assertThat(process("DOJ", requests)).isEqualTo(TransferOutcome.DELIVERED);
    }

    @Test
    @DisplayName("The IRS answers R-001, R-009 (never requested) and R-002; DOJ passes what it received on to ICE."
            + " Result: a REDISCLOSURE linked to the answer file's delivery, whose event names the digest and size of"
            + " the answers DOJ received (and the IRS's file in its change); the IRS's receipt names its own file.")
    void whatDojReceivedPassedOn_resultARedisclosureOfTheAnswerFile() throws Exception {
        byte[] original = answers("R-001", "R-009", "R-002");
        String answerFile = deliverAnswers("answers.csv", original);
        byte[] received = openAsDoj(inbox("DOJ").resolve(AGREEMENT).resolve("answers.csv.p7m"));
        assertThat(new String(received, StandardCharsets.UTF_8)).contains("R-001").contains("R-002")
                .doesNotContain("R-009");

        AuditEntry delivered = deliveryOf("answers.csv");
        assertThat(delivered.payloadDigest()).isEqualTo("sha256:" + sha256(received));
        assertThat(delivered.size()).isEqualTo(received.length);
        assertThat(delivered.recordCount()).isEqualTo(2);
        assertThat(delivered.change()).contains("released 2, withheld 1")
                .contains("sha256:" + sha256(original) + ", " + original.length + " bytes");
        var receipt = receipt("IRS", AGREEMENT, "answers.csv.delivered.json");
        assertThat(receipt.get("payloadSha256").asText()).isEqualTo(sha256(original));
        assertThat(receipt.get("size").asLong()).isEqualTo(original.length);

        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", received)))
                .isEqualTo(TransferOutcome.DELIVERED);
        assertThat(single(AuditEventType.REDISCLOSURE).entry().parentTransfer()).isEqualTo(answerFile);
    }

    @Test
    @DisplayName("The answer file with R-009 withheld is delivered, then recalled. Result: DOJ sending what it"
            + " received, and the IRS sending its file again, are both denied DATA_RECALLED; nothing more reaches"
            + " ICE or DOJ.")
    void aRecalledAnswerFile_resultItsReleasedAnswersAreNeverSentAgain() throws Exception {
        byte[] original = answers("R-001", "R-009", "R-002");
        String answerFile = deliverAnswers("answers.csv", original);
        byte[] received = openAsDoj(inbox("DOJ").resolve(AGREEMENT).resolve("answers.csv.p7m"));
        Recall recall = issue(new RecallScope(List.of(answerFile), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of()));
        assertThat(recall.items()).extracting(RecallItem::sha256).containsExactly("sha256:" + sha256(received));

        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", received)))
                .isEqualTo(TransferOutcome.DENIED);
        assertThat(codes(receipt("DOJ", "DOJ-ICE-2024", "onward.csv.denied.json").get("reasons")))
                .contains("DATA_RECALLED");
        clock.advance(Duration.ofSeconds(3));
        assertThat(process("IRS", drop("IRS", AGREEMENT, "again.csv", original))).isEqualTo(TransferOutcome.DENIED);
        assertThat(codes(receipt("IRS", AGREEMENT, "again.csv.denied.json").get("reasons")))
                .containsExactly("DATA_RECALLED");

        assertThat(inbox("ICE").resolve("DOJ-ICE-2024").resolve("onward.csv.p7m")).doesNotExist();
        assertThat(inbox("DOJ").resolve(AGREEMENT).resolve("again.csv.p7m")).doesNotExist();
        assertThat(events(AuditEventType.TRANSFER_DENIED)).extracting(e -> e.entry().object())
                .containsExactlyInAnyOrder("onward.csv", "again.csv");
        assertThat(new AnswerRecords(gateway.database()).answersTo("R-001", Optional.empty()))
                .as("the denied file's answers are not recorded as delivered").hasSize(1);
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("The answer file's delivery is stopped right after its audit event and finished by the next run."
            + " Result: the payload recorded as delivered to DOJ is the digest of the answers DOJ received, once.")
    void anAnswerFileStoppedAfterItsEvent_resultTheReleasedDigestIsRecorded() throws Exception {
        byte[] original = answers("R-001", "R-009", "R-002");
        Path file = drop("IRS", AGREEMENT, "answers.csv", original);
        org.safegate.audit.AuditLog stopsAfterTheEvent = new org.safegate.audit.AuditLog() {
            @Override
            public org.safegate.audit.AppendedEvent append(AuditEntry event) {
                return gateway.auditLog().append(event);
            }

            @Override
            public org.safegate.audit.AppendedEvent append(AuditEntry event, org.safegate.store.StoreWrite alongside) {
                org.safegate.audit.AppendedEvent appended = gateway.auditLog().append(event, alongside);
                if (event.type() == AuditEventType.TRANSFER_DELIVERED) {
                    throw new SimulatedCrash("the audit event of " + event.transferId());
                }
                return appended;
            }
        };
        TransferProcessor stopping = gateway.processor().intercepted(keys, stopsAfterTheEvent,
                new TakenFiles(workspace.resolve("data")));
        assertThatThrownBy(() -> stopping.process("IRS", outbox("IRS"), file)).isInstanceOf(SimulatedCrash.class);
        restart(Map.of());
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        byte[] received = openAsDoj(inbox("DOJ").resolve(AGREEMENT).resolve("answers.csv.p7m"));
        AuditEntry delivered = deliveryOf("answers.csv");
        assertThat(delivered.payloadDigest()).isEqualTo("sha256:" + sha256(received));
        DeliveredPayloads payloads = new DeliveredPayloads(gateway.database());
        assertThat(payloads.deliveredTo(sha256(received), "DOJ"))
                .hasValueSatisfying(d -> assertThat(d.transferId()).isEqualTo(delivered.transferId()));
        assertThat(payloads.deliveredTo(sha256(original), "DOJ")).isEmpty();
        assertThat(receipt("IRS", AGREEMENT, "answers.csv.delivered.json").get("payloadSha256").asText())
                .isEqualTo(sha256(original));
        assertNoTemporaryFiles();
    }

    /** The IRS's answer file, delivered; returns its transfer id. */
    private String deliverAnswers(String name, byte[] content) throws Exception {
        assertThat(process("IRS", drop("IRS", AGREEMENT, name, content))).isEqualTo(TransferOutcome.DELIVERED);
        return deliveryOf(name).transferId();
    }

    /** The delivery event of the file (the request file's forward is one too). */
    private AuditEntry deliveryOf(String name) {
        List<AuditEntry> deliveries = events(AuditEventType.TRANSFER_DELIVERED).stream().map(e -> e.entry())
                .filter(e -> e.object().equals(name)).toList();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private Recall issue(RecallScope scope) {
        return new RecallIssuer(new RecallResolution(new AuditStore(gateway.database()),
                new AnswerRecords(gateway.database()), new StoredPassedRequests(gateway.database())),
                gateway.auditLog(), clock, Period.ofDays(30)).issue(new RecallIssuer.Request(scope,
                        "answers sent on incomplete requests", "Destroy these answers", Optional.empty()),
                "olga", "admin API");
    }

    private static byte[] answers(String... ids) {
        StringBuilder csv = new StringBuilder("request_id,last_known_address\r\n");
        for (int i = 0; i < ids.length; i++) {
            csv.append(ids[i]).append(",\"").append(300 + i).append(" CEDAR CT, SPRINGFIELD, IL 62701\"\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** DOJ's requests numbered {@code ids}, each meeting the statute. */
    private static byte[] requests(int... ids) {
        StringBuilder csv = new StringBuilder(
                "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n");
        for (int i : ids) {
            csv.append(String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,IL,62701,2024,%s,"
                    + "\"Investigation DOJ-2025-%04d needs the address\",\"US Attorney, DOJ\"%n", i, i, 100 + i,
                    STATUTE, i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
