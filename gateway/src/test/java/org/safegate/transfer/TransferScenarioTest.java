package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.audit.MutableClock;
import org.safegate.config.Settings;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.KeyProviders;
import org.safegate.app.Gateway;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.TransferOutcome;

/**
 * What every transfer scenario shares: a workspace with copies of the real policies and example
 * keys, a gateway wired as in production (the embedded store in the workspace), and helpers to drop files and
 * read what came out. One file at a time goes through {@link TransferProcessor}, without Camel.
 */
abstract class TransferScenarioTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] ADDRESSES = "tin,name,address\n123456789,Jane Roe,1 Main St\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspace;

    final MutableClock clock = new MutableClock(TestClocks.CASE_DAY);
    Gateway gateway;
    KeyProvider keys;

    @BeforeEach
    void copyPoliciesAndKeys() throws IOException {
        Path root = TestFiles.repositoryRoot();
        TestFiles.copyTree(root.resolve("policies"), workspace.resolve("policies"));
        TestFiles.copyTree(root.resolve("keys-example"), workspace.resolve("keys-example"));
        keys = KeyProviders.fromSpec("file:keys-example", workspace);
    }

    @AfterEach
    void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    void start() {
        start(Map.of());
    }

    /** What a kill does to the running code: it just stops, no handler runs. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(Object step) {
            super("stopped after " + step);
        }
    }

    /** A new gateway on the same store and folders, as after a restart, with the settings given. */
    void restart(Map<String, String> extra) {
        gateway.close();
        gateway = null;
        start(extra);
    }

    void restart() {
        restart(Map.of());
    }

    void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("safegate.keys", "file:keys-example"));
        settings.putAll(extra);
        gateway = Gateway.open(Settings.of(settings), Map.of(), workspace, clock);
    }

    /** ICE's safeguards as they would be once its CAP is dated and its review renewed (relative to today). */
    void makeIceCurrent() throws IOException {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.LocalDate ssrDue = java.time.LocalDate.of(today.getYear(), 1, 15);
        java.time.LocalDate ssrFiled = ssrDue.isAfter(today) ? today : ssrDue;
        Files.writeString(workspace.resolve("policies/safeguards/ice.yaml"), String.join("\n",
                "agency: ICE",
                "review:   { id: SR-RENEWED-ICE, completed: " + today.minusMonths(6) + " }",
                "ssr:",
                "  - { year: " + (today.getYear() - 2) + ", submitted: " + ssrDue.minusYears(1) + " }",
                "  - { year: " + (today.getYear() - 1) + ", submitted: " + ssrFiled + " }",
                "findings:",
                "  - { id: F-01, severity: significant, opened: " + today.minusMonths(6) + ", status: open }",
                "cap:",
                "  submitted: " + today.minusMonths(1),
                "  items:",
                "    - { finding: F-01, action: \"Restrict FTI access\", implementation-date: " + today.plusMonths(6)
                        + " }",
                ""));
    }

    TransferOutcome process(String agency, Path file) {
        return gateway.processor().process(agency, outbox(agency), file);
    }

    /** Where a file dropped in the agency's outbox lies once the gateway has taken it (held, for one). */
    Path taken(String agency, Path file) {
        return workspace.resolve("data/taken").resolve(agency).resolve(outbox(agency).relativize(file).toString())
                .toAbsolutePath().normalize();
    }

    Path outbox(String agency) {
        return workspace.resolve("work").resolve(agency).resolve("outbox");
    }

    Path inbox(String agency) {
        return workspace.resolve("work").resolve(agency).resolve("inbox");
    }

    Path drop(String agency, String agreement, String name, byte[] content) throws IOException {
        return write(outbox(agency).resolve(agreement).resolve(name), content);
    }

    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(5));
        return file;
    }

    byte[] openAsDoj(Path sealed) throws IOException {
        return open(keys.agencyEncryption("DOJ"), sealed);
    }

    byte[] open(org.safegate.keys.Identity recipient, Path sealed) throws IOException {
        Opener opener = new Opener(recipient, new CertificateVerifier(keys.trust()), clock);
        Path out = workspace.resolve("opened-" + sealed.getFileName());
        opener.open(sealed, out);
        return Files.readAllBytes(out);
    }

    JsonNode receipt(String sender, String agreement, String name) throws IOException {
        Path receipt = inbox(sender).resolve("receipts").resolve(agreement).resolve(name);
        assertThat(receipt).isNotEmptyFile();
        assertThat(receipt.resolveSibling(name + ".p7s")).isNotEmptyFile();
        return JSON.readTree(receipt.toFile());
    }

    JsonNode quarantineReason(String transfer) throws IOException {
        return JSON.readTree(workspace.resolve("data/quarantine").resolve(transfer).resolve(Quarantine.REASON_FILE)
                .toFile());
    }

    Path quarantined(String transfer) {
        return workspace.resolve("data/quarantine").resolve(transfer).resolve(Quarantine.ORIGINAL);
    }

    Path archived(String transfer) {
        return workspace.resolve("data/archive").resolve(transfer).resolve(Quarantine.ORIGINAL);
    }

    void assertQuarantined(String sender, String receiptFolder, String name, String code, byte[] content)
            throws IOException {
        String transfer = assertQuarantinedReceipt(sender, receiptFolder, name, code);
        assertThat(quarantined(transfer)).hasBinaryContent(content);
        assertThat(outbox(sender)).isDirectoryNotContaining(p -> p.getFileName().toString().equals(name));
        assertThat(listAll(outbox(sender))).isEmpty();
    }

    /** Checks receipt, reason file and audit event of a quarantined file; returns its transfer id. */
    String assertQuarantinedReceipt(String sender, String receiptFolder, String name, String code)
            throws IOException {
        JsonNode receipt = receipt(sender, receiptFolder, name + ".quarantined.json");
        assertThat(receipt.get("outcome").asText()).isEqualTo("quarantined");
        assertThat(codes(receipt.get("reasons"))).containsExactly(code);
        String transfer = receipt.get("transfer").asText();
        JsonNode reason = quarantineReason(transfer);
        assertThat(reason.get("outcome").asText()).isEqualTo("quarantined");
        assertThat(reason.get("sender").asText()).isEqualTo(sender);
        assertThat(codes(reason.get("reasons"))).containsExactly(code);
        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.transferId()).isEqualTo(transfer);
        assertThat(event.reasonCodes()).containsExactly(code);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        return transfer;
    }

    static List<String> codes(JsonNode reasons) {
        return Stream.iterate(0, i -> i < reasons.size(), i -> i + 1).map(i -> reasons.get(i).get("code").asText())
                .toList();
    }

    List<AuditEvent> events(AuditEventType type) {
        return new AuditStore(gateway.database()).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    AuditEvent single(AuditEventType type) {
        List<AuditEvent> events = events(type);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The transfer stages as the gateway wires them, for stopping a transfer half way. */
    Delivery pieces() {
        TransferJournal journal = new TransferJournal(gateway.database(), clock);
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(content -> new byte[] {1}));
        return new Delivery(keys, journal, recorder, workspace.resolve("data"), clock);
    }

    /**
     * What a run stopped after sealing, before its audit event, leaves: the row journaled SEALING
     * with the name it was to be published under, and the complete sealed copy under its hidden name.
     */
    void sealedNotAudited(Path file, InboxFolder recipientFolder, TransferJournal.Entry entry) throws IOException {
        new TransferJournal(gateway.database(), clock).begin(entry, "a.csv.p7m");
        recipientFolder.writeTemp(entry.transferId(), out -> {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                new org.safegate.crypto.Sealer(keys.gatewaySigning(), clock).seal(in, out, dojCertificate());
            }
        });
    }

    /** As {@link #sealedNotAudited(Path, InboxFolder, TransferJournal.Entry)} into DOJ's inbox here; returns the sealed copy. */
    Path sealedNotAudited(Path file, TransferJournal.Entry entry) throws IOException {
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        sealedNotAudited(file, new LocalFolder(folder), entry);
        return DurableFiles.tempPath(folder, entry.transferId());
    }

    /** The delivery's audit event, as a stopped run wrote it before publishing. */
    void audited(TransferJournal.Entry entry) {
        new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()), new ReceiptWriter(c -> c))
                .delivered(irsToDoj(entry).publishedAs("a.csv.p7m"));
    }

    /** The transfer of {@code a.csv} from IRS to DOJ that {@code entry} journals, as its events and receipt tell it. */
    Transfer irsToDoj(TransferJournal.Entry entry) {
        return new Transfer(entry.transferId(), "IRS", "IRS", "DOJ", "IRS-DOJ-2024", "26 U.S.C. 6103(i)(1)",
                "return-information", "a.csv", entry.payloadSha256(), ADDRESSES.length, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    java.security.cert.X509Certificate dojCertificate() {
        return keys.certificate(workspace.resolve("keys-example/agencies/DOJ/encrypt.crt").toString());
    }

    TransferJournal.Entry journalEntry(Path file, String name) throws IOException {
        return new TransferJournal.Entry(java.util.UUID.randomUUID().toString(), "IRS", "IRS-DOJ-2024/" + name,
                Files.size(file), Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis(),
                "IRS-DOJ-2024", "DOJ", Digests.sha256(file), TransferJournal.State.SEALING, Optional.empty());
    }

    void assertExactlyOnce(String transfer, String name) throws IOException {
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        assertThat(listAll(folder)).containsExactly(folder.resolve(name + ".p7m"));
        assertThat(openAsDoj(folder.resolve(name + ".p7m"))).isEqualTo(ADDRESSES);
        List<AuditEvent> delivered = events(AuditEventType.TRANSFER_DELIVERED);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).entry().transferId()).isEqualTo(transfer);
        assertThat(receipt("IRS", "IRS-DOJ-2024", name + ".delivered.json").get("deliveredAs").asText())
                .isEqualTo(name + ".p7m");
        assertThat(archived(transfer)).hasBinaryContent(ADDRESSES);
        assertThat(pieces().unfinished("IRS", "IRS-DOJ-2024/" + name,
                ADDRESSES.length, Files.getLastModifiedTime(archived(transfer)).toMillis())).isEmpty();
        assertNoTemporaryFiles();
    }

    void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> all = Files.walk(workspace.resolve("work"))) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".safegate-")).toList()).isEmpty();
        }
    }

    /** Every file (not folder) below the folder, hidden ones included. */
    static List<Path> listAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            // the audit checkpoints the gateway hands every inbox are not deliveries
            return all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().endsWith(".checkpoint")).sorted().toList();
        }
    }
}
