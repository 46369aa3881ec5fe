package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.KeyProviders;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;

/**
 * The gateway as an operator runs it: the built jar in its own process, in a workspace with the
 * example policies and keys, files dropped into the agencies' outboxes.
 */
class TransferRunIT {
    @TempDir
    Path workspace;

    @Test
    @DisplayName("The IRS sends files to DOJ and ICE and a misplaced one; run --once. Result: DOJ's delivered, ICE's denied, the"
            + " misplaced one quarantined, exit 0, audit verify exit 0.")
    void theIrsSendsFilesToDojAndIce_resultRunOnceDeliversToDojDeniesIceQuarantinesTheMisplacedAndExitsZero()
            throws Exception {
        prepareWorkspace();
        Map<String, byte[]> toDoj = new TreeMap<>();
        for (int i = 1; i <= 3; i++) {
            toDoj.put("doj-" + i + ".csv", content(i));
            drop("IRS", "IRS-DOJ-2024", "doj-" + i + ".csv", content(i));
        }
        drop("IRS", "IRS-ICE-2025", "ice-1.csv", content(11));
        drop("IRS", "IRS-ICE-2025", "ice-2.csv", content(12));
        Path loose = workspace.resolve("work/IRS/outbox/loose.csv");
        write(loose, content(21));

        SafegateProcess.Result run = SafegateProcess.jar(workspace, "run", "--once");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Path dojInbox = workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024");
        assertThat(names(dojInbox)).containsExactlyInAnyOrderElementsOf(
                toDoj.keySet().stream().map(n -> n + ".p7m").toList());
        for (Map.Entry<String, byte[]> sent : toDoj.entrySet()) {
            assertThat(openAsDoj(dojInbox.resolve(sent.getKey() + ".p7m"))).isEqualTo(sent.getValue());
        }
        assertThat(deliveries(workspace.resolve("work/ICE/inbox"))).isEmpty();
        assertThat(files(workspace.resolve("work/ICE/inbox/checkpoints"))).as("the audit log's witness copy")
                .isNotEmpty().allMatch(p -> p.getFileName().toString().endsWith(".checkpoint")
                        || p.getFileName().toString().endsWith(".consistency.json"));
        Path receipts = workspace.resolve("work/IRS/inbox/receipts");
        assertThat(names(receipts.resolve("IRS-DOJ-2024"))).contains("doj-1.csv.delivered.json",
                "doj-1.csv.delivered.json.p7s", "doj-2.csv.delivered.json", "doj-3.csv.delivered.json");
        assertThat(names(receipts.resolve("IRS-ICE-2025"))).contains("ice-1.csv.denied.json",
                "ice-1.csv.denied.json.p7s", "ice-2.csv.denied.json");
        assertThat(Files.readString(receipts.resolve("IRS-ICE-2025/ice-1.csv.denied.json")))
                .contains("CAP_ITEM_UNDATED");
        assertThat(names(receipts.resolve("_unplaced"))).contains("loose.csv.quarantined.json");
        assertThat(files(workspace.resolve("work/IRS/outbox"))).isEmpty();
        assertThat(files(workspace.resolve("data/quarantine"))).hasSize(3 * 2);
        assertThat(count(AuditEventType.TRANSFER_DELIVERED)).isEqualTo(3);
        assertThat(count(AuditEventType.TRANSFER_DENIED)).isEqualTo(2);
        assertThat(count(AuditEventType.TRANSFER_QUARANTINED)).isEqualTo(1);
        assertAuditVerifies();
    }

    @Test
    @DisplayName("The gateway is killed (SIGKILL) while delivering 1,000 files, with some to deny and some to quarantine"
            + " among them, and restarted. Result: each delivered exactly once, each refused one denied or quarantined"
            + " once with one receipt, no temporary file left, audit verify exit 0.")
    void theGatewayIsKilledWhileDelivering_resultAfterARestartEveryFileIsDeliveredExactlyOnce() throws Exception {
        prepareWorkspace();
        int files = 1000;
        Path dojInbox = workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024");
        Path outbox = workspace.resolve("work/IRS/outbox");
        Files.createDirectories(outbox.resolve("IRS-DOJ-2024"));
        Files.createDirectories(outbox.resolve("IRS-ICE-2025"));
        // refused files, dropped among the deliveries: denied (ICE's CAP is undated), quarantined (misplaced, empty)
        Map<Integer, String> refusedAt = Map.of(50, "IRS-ICE-2025/ice-1.csv", 150, "loose-1.csv",
                250, "IRS-ICE-2025/ice-2.csv", 350, "IRS-DOJ-2024/empty.csv", 450, "loose-2.csv",
                550, "IRS-ICE-2025/ice-3.csv");

        Process gateway = start(workspace, "run");
        try {
            for (int i = 0; i < files; i++) {
                dropAsASender(outbox.resolve("IRS-DOJ-2024").resolve(name(i)), content(i));
                if (refusedAt.containsKey(i)) {
                    String refused = refusedAt.get(i);
                    dropAsASender(outbox.resolve(refused), refused.endsWith("empty.csv") ? new byte[0] : content(i));
                }
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !gateway.isAlive() || countSealed(dojInbox) >= files / 10);
            assertThat(gateway.isAlive()).as("the gateway is still running when it is killed").isTrue();
        } finally {
            gateway.destroyForcibly();
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(countSealed(dojInbox)).as("killed in the middle").isLessThan(files);

        SafegateProcess.Result restart = SafegateProcess.jar(workspace, "run", "--once");

        assertThat(restart.exit()).as(restart.out() + restart.err()).isZero();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            expected.add(name(i) + ".p7m");
        }
        assertThat(names(dojInbox)).containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 0; i < files; i += 7) {
            assertThat(openAsDoj(dojInbox.resolve(name(i) + ".p7m"))).isEqualTo(content(i));
        }
        try (Stream<Path> all = Files.walk(workspace.resolve("work"))) {
            assertThat(all.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".safegate-") || n.endsWith(".part") || n.endsWith(".camelLock")).toList())
                    .as("temporary files left in the inboxes or outboxes").isEmpty();
        }
        assertThat(files(outbox)).isEmpty();
        assertOnceEach(AuditEventType.TRANSFER_DELIVERED, files);
        Path receipts = workspace.resolve("work/IRS/inbox/receipts");
        assertThat(names(receipts.resolve("IRS-DOJ-2024")).stream().filter(n -> n.endsWith(".delivered.json")))
                .hasSize(files);
        assertThat(deliveries(workspace.resolve("work/ICE/inbox"))).isEmpty();
        assertThat(files(workspace.resolve("work/ICE/inbox/checkpoints"))).as("the audit log's witness copy")
                .isNotEmpty().allMatch(p -> p.getFileName().toString().endsWith(".checkpoint")
                        || p.getFileName().toString().endsWith(".consistency.json"));
        assertOnceEach(AuditEventType.TRANSFER_DENIED, 3);
        assertOnceEach(AuditEventType.TRANSFER_QUARANTINED, 3);
        assertThat(names(receipts.resolve("IRS-ICE-2025"))).containsExactly("ice-1.csv.denied.json",
                "ice-1.csv.denied.json.p7s", "ice-2.csv.denied.json", "ice-2.csv.denied.json.p7s",
                "ice-3.csv.denied.json", "ice-3.csv.denied.json.p7s");
        assertThat(names(receipts.resolve("_unplaced"))).containsExactly("loose-1.csv.quarantined.json",
                "loose-1.csv.quarantined.json.p7s", "loose-2.csv.quarantined.json", "loose-2.csv.quarantined.json.p7s");
        assertThat(names(receipts.resolve("IRS-DOJ-2024")).stream().filter(n -> n.contains("quarantined")))
                .containsExactly("empty.csv.quarantined.json", "empty.csv.quarantined.json.p7s");
        try (Stream<Path> kept = Files.list(workspace.resolve("data/quarantine"))) {
            assertThat(kept.toList()).hasSize(6).allSatisfy(folder -> assertThat(names(folder))
                    .containsExactly("original", "reason.json"));
        }
        assertAuditVerifies();
    }

    @Test
    @DisplayName("DOJ's inbox cannot be written; run --once. Result: the file is held in the gateway's private folder, reported, exit 3.")
    void dojInboxCannotBeWritten_resultRunOnceHoldsTheFileReportsItAndExitsThree() throws Exception {
        prepareWorkspace();
        drop("IRS", "IRS-DOJ-2024", "a.csv", content(1));
        Path blocked = workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024");
        write(blocked, "not a folder".getBytes(StandardCharsets.UTF_8));

        SafegateProcess.Result run = SafegateProcess.jar(workspace, "run", "--once", "--timeout", "60");

        assertThat(run.exit()).as("3: some files are held; " + run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("held: ").contains("a.csv");
        assertThat(workspace.resolve("work/IRS/outbox/IRS-DOJ-2024/a.csv")).doesNotExist();
        assertThat(workspace.resolve("data/taken/IRS/IRS-DOJ-2024/a.csv")).hasBinaryContent(content(1));
        assertThat(blocked).hasContent("not a folder");
        assertThat(workspace.resolve("work/IRS/inbox/receipts")).doesNotExist();
        assertThat(count(AuditEventType.TRANSFER_DELIVERED)).isZero();
        assertThat(count(AuditEventType.TRANSFER_HELD)).isPositive();
        assertAuditVerifies();
    }

    private void prepareWorkspace() throws IOException {
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(SafegateProcess.ROOT.resolve("keys-example"), workspace.resolve("keys-example"));
        // the crash test runs the gateway without --once: it has no admin API here
        Files.writeString(workspace.resolve("application.properties"), "safegate.keys=file:keys-example\nsafegate.api.port=0\n");
    }

    /** As a well-behaved sender does: written under a hidden name, then renamed into place. */
    private static void dropAsASender(Path target, byte[] content) throws IOException {
        Path hidden = target.resolveSibling("." + target.getFileName());
        Files.write(hidden, content);
        Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Exactly {@code expected} events of the type, one per file. */
    private void assertOnceEach(AuditEventType type, int expected) {
        Map<String, Long> perFile = events(type).stream()
                .collect(Collectors.groupingBy(e -> e.entry().object(), Collectors.counting()));
        assertThat(perFile).as(type + " events per file").hasSize(expected);
        assertThat(perFile.values()).as(type + " events per file").containsOnly(1L);
    }

    private static String name(int i) {
        return String.format("f-%04d.csv", i);
    }

    private static byte[] content(int i) {
        return ("tin,name,address\n" + (100000000 + i) + ",Person " + i + "," + i + " Main St\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void drop(String agency, String agreement, String name, byte[] content) throws IOException {
        write(workspace.resolve("work").resolve(agency).resolve("outbox").resolve(agreement).resolve(name), content);
    }

    /** Writes a file as complete: old enough for the gateway's read lock to take it at once. */
    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(10));
    }

    private static Process start(Path workingDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", SafegateProcess.JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(workingDir.resolve("gateway-out.txt").toFile())
                .redirectError(workingDir.resolve("gateway-err.txt").toFile()).start();
    }

    private static long countSealed(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".p7m")).count();
        }
    }

    private byte[] openAsDoj(Path sealed) throws IOException {
        KeyProvider keys = KeyProviders.fromSpec("file:keys-example", workspace);
        Opener opener = new Opener(keys.agencyEncryption("DOJ"), new CertificateVerifier(keys.trust()),
                TestClocks.caseDay());
        Path out = Files.createTempFile(workspace, "opened", ".csv");
        Files.delete(out);
        opener.open(sealed, out);
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        return bytes;
    }

    private List<AuditEvent> events(AuditEventType type) {
        try (Database database = Database.open(DatabaseSettings.embedded(workspace.resolve("data")))) {
            return new AuditStore(database).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }

    private long count(AuditEventType type) {
        return events(type).size();
    }

    private void assertAuditVerifies() {
        SafegateProcess.Result verify = SafegateProcess.jar(workspace, "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file (not folder) below the folder, hidden ones included. */
    /** What was delivered into an inbox: everything but the audit checkpoints every inbox gets. */
    private static List<Path> deliveries(Path inbox) throws IOException {
        return files(inbox).stream().filter(p -> !p.getParent().getFileName().toString().equals("checkpoints")).toList();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !Files.isDirectory(p)).toList();
        }
    }
}
