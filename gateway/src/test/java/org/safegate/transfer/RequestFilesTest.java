package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.config.Settings;
import org.safegate.policy.AgreementRevocation;
import org.safegate.policy.Revocation;
import org.safegate.app.Gateway;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;

/** Request files and answers under an agreement with request rules, through the real gateway wiring. */
class RequestFilesTest {
    private static final String HEADER =
            "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n";

    @TempDir
    Path workspace;
    private final Clock clock = TestClocks.runningFromCaseDay();
    private Gateway gateway;

    @BeforeEach
    void start() throws IOException {
        Path root = Files.isDirectory(Path.of("").toAbsolutePath().resolve("policies")) ? Path.of("").toAbsolutePath()
                : Path.of("").toAbsolutePath().getParent();
        copy(root.resolve("policies"), workspace.resolve("policies"));
        copy(root.resolve("keys-example"), workspace.resolve("keys-example"));
        gateway = Gateway.open(Settings.of(Map.of("safegate.keys", "file:keys-example",
                "safegate.data", workspace.resolve("data").toString(),
                "safegate.policies", workspace.resolve("policies").toString(),
                "safegate.requests.allowed-statutes", "8 U.S.C. 1253(a)(1)")), Map.of(), workspace, clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theRequesterSendsRequestsWithOneDeficient_resultOnlyTheValidOnesReachTheDataHolder() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 30; i++) {
            csv.append(record(i, i == 5 ? "ZZ" : "IL"));
        }
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", csv.toString());

        TransferOutcome outcome = gateway.processor().process("ICE", outbox("ICE"), file);

        assertThat(outcome).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(workspace.resolve("work/IRS/inbox/IRS-ICE-2025/requests/batch.csv.p7m")).exists();
        assertThat(workspace.resolve("work/ICE/inbox/IRS-ICE-2025/requests/batch.csv.rejections.csv.p7m")).exists();
        assertThat(workspace.resolve("work/ICE/inbox/receipts/IRS-ICE-2025/batch.csv.delivered.json")).exists();
        assertThat(file).doesNotExist();
        // the plain-text passed requests and rejections went with the archived original
        assertThat(workingCopies()).isEmpty();
    }

    @Test
    void aRequestFileWithTooManyDeficientRecords_resultItIsQuarantinedWhole() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10; i++) {
            csv.append(record(i, i <= 3 ? "ZZ" : "IL"));
        }
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", csv.toString());

        assertThat(gateway.processor().process("ICE", outbox("ICE"), file))
                .isEqualTo(TransferOutcome.QUARANTINED);
        assertThat(workspace.resolve("work/IRS/inbox/IRS-ICE-2025/requests")).doesNotExist();
        assertThat(Files.readString(workspace.resolve("work/ICE/inbox/receipts/IRS-ICE-2025/batch.csv.quarantined.json")))
                .contains("REQUESTS_DEFICIENT").contains("refused 3");
        var events = new org.safegate.audit.AuditStore(gateway.database()).list(org.safegate.audit.AuditQuery.ALL);
        assertThat(events.get(events.size() - 1).entry().change()).contains("arrived 10, passed 7, refused 3");
        assertThat(workingCopies()).isEmpty();
    }

    @Test
    void workingCopiesLeftByAStoppedRun_resultRemovedAtTheNextStartUnlessTheirTransferIsInFlight() throws IOException {
        Path ended = Files.createDirectories(workspace.resolve("data/work/0b7c9a1e-4f2d-4c3b-9a8e-1d2c3b4a5f60"));
        Files.writeString(ended.resolve("passed-batch.csv"), HEADER + record(1, "IL"));
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", HEADER + record(1, "IL"));
        // a forward a stopped run began for the file still in the outbox: its transfer is in flight
        new TransferJournal(gateway.database(), clock).begin(new TransferJournal.Entry(
                "5e0f7a21-6b3c-4d2e-8f1a-2b3c4d5e6f70", "ICE", "IRS-ICE-2025/requests/batch.csv", Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), "IRS-ICE-2025", "IRS", "00",
                TransferJournal.State.SEALING, Optional.empty()));
        Path inFlight = Files.createDirectories(workspace.resolve("data/work/5e0f7a21-6b3c-4d2e-8f1a-2b3c4d5e6f70"));

        gateway.sweepWithdrawn();

        assertThat(ended).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(file).exists();
    }

    @Test
    void aRequestFileWithoutTheRequiredColumns_resultItIsQuarantinedAsMalformed() throws IOException {
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", "id,name\n1,X\n");

        assertThat(gateway.processor().process("ICE", outbox("ICE"), file))
                .isEqualTo(TransferOutcome.QUARANTINED);
        assertThat(Files.readString(workspace.resolve("work/ICE/inbox/receipts/IRS-ICE-2025/batch.csv.quarantined.json")))
                .contains("INPUT_MALFORMED");
        assertThat(workingCopies()).isEmpty();
    }

    @Test
    void aRevokedRequester_resultItsRequestsAreDeniedAgencyRevoked() throws IOException {
        gateway.revocations().revoke(new Revocation("ICE", clock.instant(), "test", "incident"));
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", HEADER + record(1, "IL"));

        assertThat(gateway.processor().process("ICE", outbox("ICE"), file))
                .isEqualTo(TransferOutcome.DENIED);
        assertThat(workspace.resolve("work/IRS/inbox/IRS-ICE-2025/requests")).doesNotExist();
        assertDenied("AGENCY_REVOKED");
    }

    @Test
    void aRequestUnderARevokedAgreement_resultDeniedAgreementRevokedWithReceiptAndAuditEvent() throws IOException {
        gateway.revocations().revokeAgreement(new AgreementRevocation("IRS-ICE-2025", clock.instant(), "test",
                "investigation misuse"));
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", HEADER + record(1, "IL"));

        assertThat(gateway.processor().process("ICE", outbox("ICE"), file))
                .isEqualTo(TransferOutcome.DENIED);
        assertThat(workspace.resolve("work/IRS/inbox/IRS-ICE-2025/requests")).doesNotExist();
        assertThat(file).doesNotExist();
        assertDenied("AGREEMENT_REVOKED");
    }

    @Test
    void theAgreementListsItsRequestStatutes_resultTheyReplaceTheGatewayWideDefault() throws IOException {
        // the gateway allows 8 U.S.C. 1253(a)(1) for every agreement; this one allows another statute only
        restartWithAgreementSaying("request-statutes: [\"18 U.S.C. 1001\"]\n",
                Map.of("safegate.requests.allowed-statutes", "8 U.S.C. 1253(a)(1)"));
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", HEADER + record(1, "IL"));

        assertThat(gateway.processor().process("ICE", outbox("ICE"), file)).isEqualTo(TransferOutcome.QUARANTINED);
        assertThat(Files.readString(workspace.resolve("work/ICE/inbox/receipts/IRS-ICE-2025/batch.csv.quarantined.json")))
                .contains("REQUESTS_DEFICIENT");
    }

    @Test
    void theAgreementAllowsAStatuteTheGatewayDoesNot_resultItsRequestsPass() throws IOException {
        restartWithAgreementSaying("request-statutes:\n  - 8 U.S.C. 1253(a)(1)\n", Map.of());
        Path file = drop("ICE", "IRS-ICE-2025/requests/batch.csv", HEADER + record(1, "IL"));

        assertThat(gateway.processor().process("ICE", outbox("ICE"), file)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(workspace.resolve("work/IRS/inbox/IRS-ICE-2025/requests/batch.csv.p7m")).exists();
    }

    private void restartWithAgreementSaying(String lines, Map<String, String> extra) throws IOException {
        gateway.close();
        Path agreement = workspace.resolve("policies/agreements/irs-ice-2025.yaml");
        String yaml = Files.readString(agreement).lines().filter(l -> !l.startsWith("request-statutes"))
                .filter(l -> !l.startsWith("  - ")).reduce("", (a, l) -> a + l + "\n");
        Files.writeString(agreement, yaml + lines);
        Map<String, String> settings = new java.util.HashMap<>(Map.of("safegate.keys", "file:keys-example",
                "safegate.data", workspace.resolve("data").toString(),
                "safegate.policies", workspace.resolve("policies").toString()));
        settings.putAll(extra);
        gateway = Gateway.open(Settings.of(settings), Map.of(), workspace, clock);
    }

    private void assertDenied(String code) throws IOException {
        Path receipt = workspace.resolve("work/ICE/inbox/receipts/IRS-ICE-2025/batch.csv.denied.json");
        assertThat(Files.readString(receipt)).contains(code).doesNotContain("MISPLACED");
        assertThat(receipt.resolveSibling("batch.csv.denied.json.p7s")).exists();
        var events = new org.safegate.audit.AuditStore(gateway.database()).list(org.safegate.audit.AuditQuery.ALL);
        var last = events.get(events.size() - 1).entry();
        assertThat(last.type()).isEqualTo(org.safegate.audit.AuditEventType.TRANSFER_DENIED);
        assertThat(last.reasonCodes()).containsExactly(code);
        assertThat(last.agreement()).isEqualTo("IRS-ICE-2025");
        assertThat(last.recipient()).isEqualTo("IRS");
    }

    private List<Path> workingCopies() throws IOException {
        Path work = workspace.resolve("data/work");
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(work)) {
            return folders.toList();
        }
    }

    private static String record(int i, String state) {
        return String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,%s,62701,2024,8 U.S.C. 1253(a)(1),"
                + "\"Investigation HSI-2025-%04d needs the address\",\"Director, ICE\"%n", i, i, 100 + i, state, i);
    }

    private Path outbox(String agency) {
        return workspace.resolve("work").resolve(agency).resolve("outbox");
    }

    private Path drop(String agency, String relative, String content) throws IOException {
        Path file = outbox(agency).resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        TestFiles.backdate(file, Duration.ofSeconds(5));
        return file;
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(f -> {
                try {
                    Path to = target.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
