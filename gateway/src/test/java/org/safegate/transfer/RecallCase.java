package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.recall.DisposalCertifications;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallItem;
import org.safegate.recall.RecallResolution;
import org.safegate.recall.RecallScope;
import org.safegate.recall.StoredRecalls;

/**
 * The recall the certificate scenarios certify: the IRS delivered two files to DOJ, DOJ passed the
 * first on to ICE, and a security officer recalled both IRS deliveries, so DOJ holds two items and
 * ICE one. Certificates are made by the real {@code openssl cms -sign} with the agencies' example
 * signing keys, as a holder would.
 */
final class RecallCase {
    static final byte[] OTHER = "tin,name,address\n987654321,John Doe,2 Oak Ave\n".getBytes(StandardCharsets.UTF_8);

    private final TransferScenarioTest test;
    String toDoj;
    String toDojToo;
    String toIce;
    Recall recall;

    RecallCase(TransferScenarioTest test) {
        this.test = test;
    }

    /** Delivers, passes on and recalls; then a day passes, so certificates can be dated after the deliveries. */
    RecallCase issued() throws IOException {
        assertThat(test.process("IRS", test.drop("IRS", "IRS-DOJ-2024", "a.csv", TransferScenarioTest.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
        assertThat(test.process("IRS", test.drop("IRS", "IRS-DOJ-2024", "b.csv", OTHER)))
                .isEqualTo(TransferOutcome.DELIVERED);
        Map<String, String> delivered = test.events(AuditEventType.TRANSFER_DELIVERED).stream()
                .map(AuditEvent::entry).collect(Collectors.toMap(AuditEntry::object, AuditEntry::transferId));
        toDoj = delivered.get("a.csv");
        toDojToo = delivered.get("b.csv");
        assertThat(test.process("DOJ", test.drop("DOJ", "DOJ-ICE-2024", "onward.csv", TransferScenarioTest.ADDRESSES)))
                .isEqualTo(TransferOutcome.DELIVERED);
        toIce = test.single(AuditEventType.REDISCLOSURE).entry().transferId();
        recall = new RecallIssuer(RecallResolution.over(test.gateway.database()),
                test.gateway.auditLog(), test.clock, Period.ofDays(30))
                .issue(new RecallIssuer.Request(RecallScope.ofTransfers(List.of(toDoj, toDojToo)),
                        "addresses shared on incomplete requests", "Destroy the files and certify it", Optional.empty()),
                        "olga", "test");
        test.clock.advance(Duration.ofDays(1));
        return this;
    }

    LocalDate today() {
        return LocalDate.ofInstant(test.clock.instant(), ZoneOffset.UTC);
    }

    /** A certificate of {@link #recall} with the items given, certified by DOJ's records officer. */
    String certificate(String... items) {
        return certificateOf(recall.id(), items);
    }

    static String certificateOf(String recallId, String... items) {
        return "{\"recall\": \"" + recallId + "\", \"items\": [" + String.join(", ", items) + "],"
                + " \"certifiedBy\": {\"name\": \"Dana Reyes\", \"title\": \"Records Officer\"}}";
    }

    /** An item destroyed by NIST SP 800-88 purge on the day given. */
    static String item(String transfer, LocalDate date) {
        return "{\"transfer\": \"" + transfer + "\", \"disposition\": \"destroyed\", \"method\": \"NIST SP 800-88 purge\","
                + " \"date\": \"" + date + "\"}";
    }

    /** Drops the JSON into the holder's outbox as {@code recalls/<recall-id>.json}, signed with {@code signer}'s key. */
    Path drop(String holder, String signer, String json) throws IOException, InterruptedException {
        return drop(holder, recall.id() + ".json", signer, json);
    }

    Path drop(String holder, String name, String signer, String json) throws IOException, InterruptedException {
        Path file = TransferScenarioTest.write(test.outbox(holder).resolve(OutboxLayout.RECALLS).resolve(name),
                json.getBytes(StandardCharsets.UTF_8));
        return signer == null ? file : SignedInputTransferTest.signWith(
                test.workspace.resolve("keys-example/agencies").resolve(signer), file, "sha256");
    }

    /** Each item's state, by transfer. */
    Map<String, RecallItem.State> states() {
        return new StoredRecalls(test.gateway.database()).find(recall.id()).orElseThrow().items().stream()
                .collect(Collectors.toMap(RecallItem::transfer, RecallItem::state));
    }

    DisposalCertifications certifications() {
        return new DisposalCertifications(test.gateway.database());
    }

    Map<String, AuditEntry> certifiedEvents() {
        return test.events(AuditEventType.DISPOSAL_CERTIFIED).stream().map(AuditEvent::entry)
                .collect(Collectors.toMap(AuditEntry::transferId, Function.identity()));
    }

    /**
     * The certificate was quarantined with {@code code} (a receipt naming it and saying {@code words},
     * its reason file, its event), kept as it arrived, and its outbox left empty; returns the transfer id.
     */
    String assertQuarantined(String holder, String name, String code, byte[] original, String... words)
            throws IOException {
        JsonNode receipt = test.receipt(holder, OutboxLayout.RECALLS, name + ".quarantined.json");
        assertThat(receipt.get("outcome").asText()).isEqualTo("quarantined");
        assertThat(TransferScenarioTest.codes(receipt.get("reasons"))).containsExactly(code);
        assertThat(receipt.get("reasons").get(0).get("message").asText()).contains(words);
        String transfer = receipt.get("transfer").asText();
        assertThat(TransferScenarioTest.codes(test.quarantineReason(transfer).get("reasons"))).containsExactly(code);
        assertThat(test.quarantined(transfer)).hasBinaryContent(original);
        assertThat(test.events(AuditEventType.TRANSFER_QUARANTINED)).filteredOn(e -> transfer.equals(
                e.entry().transferId())).singleElement().satisfies(e -> {
                    assertThat(e.entry().actor()).isEqualTo(holder);
                    assertThat(e.entry().agreement()).isEqualTo(OutboxLayout.RECALLS);
                    assertThat(e.entry().reasonCodes()).containsExactly(code);
                });
        assertThat(TransferScenarioTest.listAll(test.outbox(holder))).isEmpty();
        return transfer;
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
