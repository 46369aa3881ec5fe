package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditStore;
import org.safegate.crypto.DetachedSignature;
import org.safegate.inspect.InspectionSettings;
import org.safegate.policy.Revocation;
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * ICE's request file forwarded to IRS under IRS-ICE-2025, stopped part-way (as by SIGKILL) or
 * refused by the audit log, and then taken over by a fresh gateway: the passing requests reach IRS
 * once and the refusals reach ICE once, never before the log has the forward.
 */
class RequestForwardCrashTest extends TransferScenarioTest {
    private static final String STATUTE = "8 U.S.C. 1253(a)(1)";
    private static final Map<String, String> SETTINGS = Map.of("safegate.requests.allowed-statutes", STATUTE);
    private static final String AGREEMENT = "IRS-ICE-2025";
    private static final String HEADER =
            "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n";

    @ParameterizedTest(name = "stopped after {0}")
    @EnumSource(RequestForward.Step.class)
    @DisplayName("A forward of 30 requests (R-005 deficient) is stopped after one of its steps and a fresh gateway takes over."
            + " Result: IRS gets the 29 passing requests once and ICE the refusal once, under one delivered event and"
            + " one receipt; nothing temporary is left and the journal is finished.")
    void aForwardStoppedAfterAStep_resultTheNextRunFinishesItOnce(RequestForward.Step step) throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        TransferProcessor crashing = gateway.processor().withRequests(requests(gateway.auditLog(), s -> {
            if (s == step) {
                throw new SimulatedCrash(s);
            }
        }));

        assertThatThrownBy(() -> crashing.process("ICE", outbox("ICE"), file)).isInstanceOf(SimulatedCrash.class);
        restart(SETTINGS);
        assertThat(process("ICE", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertForwardedOnce(file);
    }

    @Test
    @DisplayName("The audit log cannot take the forward's event. Result: the file is held, neither IRS nor ICE has"
            + " anything published, and the next attempt forwards it once.")
    void theAuditLogRefusesTheForward_resultNothingIsSentUntilItIsLogged() throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        AuditLog down = entry -> {
            throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the audit store is unreachable");
        };

        assertThat(gateway.processor().withRequests(requests(down, s -> { })).process("ICE", outbox("ICE"), file))
                .isEqualTo(TransferOutcome.HELD);

        assertThat(published(holderFolder())).isEmpty();
        assertThat(published(requesterFolder())).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        restart(SETTINGS);
        assertThat(process("ICE", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertForwardedOnce(file);
    }

    @Test
    @DisplayName("A forward stopped after sealing both copies, and ICE revoked meanwhile. Result: the file is"
            + " denied AGENCY_REVOKED, its partial copies are dropped, and IRS gets nothing.")
    void aForwardStoppedWhileSealingAndTheRequesterRevoked_resultDeniedAndPartialCopiesDropped() throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        TransferProcessor crashing = gateway.processor().withRequests(requests(gateway.auditLog(), s -> {
            if (s == RequestForward.Step.SEALED) {
                throw new SimulatedCrash(s);
            }
        }));
        assertThatThrownBy(() -> crashing.process("ICE", outbox("ICE"), file)).isInstanceOf(SimulatedCrash.class);
        restart(SETTINGS);
        gateway.revocations().revoke(new Revocation("ICE", clock.instant(), "alice", "suspected breach"));

        assertThat(process("ICE", file)).isEqualTo(TransferOutcome.DENIED);

        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().reasonCodes()).containsExactly("AGENCY_REVOKED");
        assertThat(listAll(holderFolder())).isEmpty();
        assertThat(listAll(requesterFolder())).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertNoTemporaryFiles();
        // the stopped forward's plain-text copies went with it, though the file ended under another id
        try (var working = Files.list(workspace.resolve("data/work"))) {
            assertThat(working.toList()).isEmpty();
        }
    }

    @Test
    @DisplayName("A forward stopped after its audit event, and ICE revoked meanwhile. Result: what the log says was"
            + " sent is sent, once; the revocation applies to ICE's next file.")
    void aForwardStoppedAfterAuditingAndTheRequesterRevoked_resultFinishedOnce() throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        TransferProcessor crashing = gateway.processor().withRequests(requests(gateway.auditLog(), s -> {
            if (s == RequestForward.Step.AUDITED) {
                throw new SimulatedCrash(s);
            }
        }));
        assertThatThrownBy(() -> crashing.process("ICE", outbox("ICE"), file)).isInstanceOf(SimulatedCrash.class);
        restart(SETTINGS);
        gateway.revocations().revoke(new Revocation("ICE", clock.instant(), "alice", "suspected breach"));

        assertThat(process("ICE", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertForwardedOnce(file);
        assertThat(events(AuditEventType.TRANSFER_QUARANTINED)).isEmpty();
    }

    @Test
    @DisplayName("A forward stopped after sealing, and the size limit lowered below the file meanwhile. Result: the"
            + " file is quarantined as too large and both partial copies are dropped.")
    void aForwardStoppedWhileSealingAndTheFileNowTooLarge_resultQuarantinedAndPartialCopiesDropped() throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        TransferProcessor crashing = gateway.processor().withRequests(requests(gateway.auditLog(), s -> {
            if (s == RequestForward.Step.SEALED) {
                throw new SimulatedCrash(s);
            }
        }));
        assertThatThrownBy(() -> crashing.process("ICE", outbox("ICE"), file)).isInstanceOf(SimulatedCrash.class);
        assertThat(listAll(holderFolder())).hasSize(1);
        restart(Map.of("safegate.requests.allowed-statutes", STATUTE, "safegate.max-file-bytes", "100"));

        assertThat(process("ICE", file)).isEqualTo(TransferOutcome.QUARANTINED);

        assertThat(listAll(holderFolder())).isEmpty();
        assertThat(listAll(requesterFolder())).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertNoTemporaryFiles();
    }

    /** Request files as the gateway wires them, with this audit log and told after each forward step. */
    private RequestFiles requests(AuditLog audit, Consumer<RequestForward.Step> afterStep) {
        Path data = workspace.resolve("data");
        Endpoints endpoints = new Endpoints(workspace);
        TransferJournal journal = new TransferJournal(gateway.database(), clock);
        RequestExchange exchange = new RequestExchange(InspectionSettings.DEFAULTS.withAllowedStatutes(List.of(STATUTE)),
                new StoredPassedRequests(gateway.database()), new AnswerRecords(gateway.database()), keys,
                endpoints, data, TestClocks.caseDay());
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(new DetachedSignature(keys.gatewaySigning(), TestClocks.caseDay())::sign));
        Refusals refusals = new Refusals(new Quarantine(data), recorder, endpoints, journal);
        return new RequestFiles(exchange, new RequestForward(exchange, journal, audit, endpoints, afterStep), refusals,
                recorder, endpoints, gateway.revocations(), journal, data);
    }

    private void assertForwardedOnce(Path file) throws Exception {
        assertThat(published(holderFolder())).containsExactly(holderFolder().resolve("batch.csv.p7m"));
        String forwarded = new String(open(keys.agencyEncryption("IRS"), holderFolder().resolve("batch.csv.p7m")),
                StandardCharsets.UTF_8);
        assertThat(forwarded.lines()).hasSize(30).noneMatch(line -> line.startsWith("R-005,"));
        assertThat(published(requesterFolder()))
                .containsExactly(requesterFolder().resolve("batch.csv.rejections.csv.p7m"));
        assertThat(new String(open(keys.agencyEncryption("ICE"), requesterFolder().resolve("batch.csv.rejections.csv.p7m")),
                StandardCharsets.UTF_8)).contains("R-005");

        List<AuditEvent> delivered = events(AuditEventType.TRANSFER_DELIVERED);
        assertThat(delivered).hasSize(1);
        String transfer = delivered.get(0).entry().transferId();
        Path receipts = inbox("ICE").resolve("receipts").resolve(AGREEMENT);
        assertThat(listAll(receipts)).containsExactly(receipts.resolve("batch.csv.delivered.json"),
                receipts.resolve("batch.csv.delivered.json.p7s"));
        assertThat(receipt("ICE", AGREEMENT, "batch.csv.delivered.json").get("transfer").asText()).isEqualTo(transfer);
        assertThat(receipt("ICE", AGREEMENT, "batch.csv.delivered.json").get("deliveredAs").asText())
                .isEqualTo("batch.csv.p7m");
        assertThat(archived(transfer)).exists();
        assertThat(file).doesNotExist();
        assertThat(pieces().unfinished("ICE", AGREEMENT + "/requests/batch.csv", Files.size(archived(transfer)),
                Files.getLastModifiedTime(archived(transfer), LinkOption.NOFOLLOW_LINKS).toMillis())).isEmpty();
        assertNoTemporaryFiles();
    }

    private Path dropRequests() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 30; i++) {
            csv.append(String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,%s,62701,2024,%s,"
                    + "\"Investigation HSI-2025-%04d needs the address\",\"Director, ICE\"%n", i, i, 100 + i,
                    i == 5 ? "ZZ" : "IL", STATUTE, i));
        }
        return write(outbox("ICE").resolve(AGREEMENT).resolve("requests").resolve("batch.csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Path holderFolder() {
        return inbox("IRS").resolve(AGREEMENT).resolve("requests");
    }

    private Path requesterFolder() {
        return inbox("ICE").resolve(AGREEMENT).resolve("requests");
    }

    /** The published files of a folder (not the hidden temporary ones). */
    private static List<Path> published(Path folder) throws Exception {
        return listAll(folder).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
}
