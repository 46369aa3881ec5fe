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
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * ICE's request file with too many deficient records, quarantined whole, stopped part-way (as by
 * SIGKILL) or refused by the audit log, and then taken over by a fresh gateway: ICE gets its
 * rejections back once, under one quarantined event and one receipt, and IRS gets nothing.
 */
class RequestRefusedWholeCrashTest extends TransferScenarioTest {
    private static final String STATUTE = "8 U.S.C. 1253(a)(1)";
    private static final Map<String, String> SETTINGS = Map.of("safegate.requests.allowed-statutes", STATUTE);
    private static final String AGREEMENT = "IRS-ICE-2025";
    private static final String HEADER =
            "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n";

    @ParameterizedTest(name = "stopped after {0}")
    @EnumSource(Refusals.Step.class)
    @DisplayName("A request file of 10 records (R-001 to R-003 deficient) is quarantined whole and stopped after one"
            + " of the refusal's steps; a fresh gateway takes over. Result: ICE gets the rejections once, with one"
            + " event and one receipt; IRS gets nothing; nothing temporary is left.")
    void aRefusalStoppedAfterAStep_resultTheRejectionsAreReturnedOnce(Refusals.Step step) throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        TransferProcessor crashing = gateway.processor().withRequests(requests(gateway.auditLog(), s -> {
            if (s == step) {
                throw new SimulatedCrash(s);
            }
        }));

        assertThatThrownBy(() -> crashing.process("ICE", outbox("ICE"), file)).isInstanceOf(SimulatedCrash.class);
        restart(SETTINGS);
        if (step == Refusals.Step.MOVED) {
            assertThat(file).as("the original left the outbox before the stop").doesNotExist();
        } else {
            assertThat(process("ICE", file)).isEqualTo(TransferOutcome.QUARANTINED);
        }

        assertRefusedOnce(file, step != Refusals.Step.MOVED);
    }

    @Test
    @DisplayName("The audit log cannot take the refusal's event. Result: the file is held, ICE has nothing published,"
            + " and the next attempt returns the rejections once.")
    void theAuditLogRefusesTheRefusal_resultNothingIsReturnedUntilItIsLogged() throws Exception {
        start(SETTINGS);
        Path file = dropRequests();
        AuditLog down = entry -> {
            throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the audit store is unreachable");
        };

        assertThat(gateway.processor().withRequests(requests(down, s -> { })).process("ICE", outbox("ICE"), file))
                .isEqualTo(TransferOutcome.HELD);

        assertThat(published(requesterFolder())).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_QUARANTINED)).isEmpty();
        restart(SETTINGS);
        assertThat(process("ICE", file)).isEqualTo(TransferOutcome.QUARANTINED);
        assertRefusedOnce(file, true);
    }

    /** Request files as the gateway wires them, with this audit log and told after each refusal step. */
    private RequestFiles requests(AuditLog audit, Consumer<Refusals.Step> afterStep) {
        Path data = workspace.resolve("data");
        Endpoints endpoints = new Endpoints(workspace);
        TransferJournal journal = new TransferJournal(gateway.database(), clock);
        RequestExchange exchange = new RequestExchange(InspectionSettings.DEFAULTS.withAllowedStatutes(List.of(STATUTE)),
                new StoredPassedRequests(gateway.database()), new AnswerRecords(gateway.database()), keys,
                endpoints, data, TestClocks.caseDay());
        TransferRecorder recorder = new TransferRecorder(audit, new AuditStore(gateway.database()),
                new ReceiptWriter(new DetachedSignature(keys.gatewaySigning(), TestClocks.caseDay())::sign));
        Refusals refusals = new Refusals(new Quarantine(data), recorder, endpoints, journal, afterStep);
        return new RequestFiles(exchange, new RequestForward(exchange, journal, audit, endpoints), refusals,
                recorder, endpoints, gateway.revocations(), journal, data);
    }

    private void assertRefusedOnce(Path file, boolean journalChecked) throws Exception {
        assertThat(published(requesterFolder()))
                .containsExactly(requesterFolder().resolve("batch.csv.rejections.csv.p7m"));
        String rejections = new String(open(keys.agencyEncryption("ICE"),
                requesterFolder().resolve("batch.csv.rejections.csv.p7m")), StandardCharsets.UTF_8);
        assertThat(rejections).contains("R-001").contains("R-003").doesNotContain("R-004");
        assertThat(listAll(inbox("IRS"))).isEmpty();
        List<AuditEvent> quarantined = events(AuditEventType.TRANSFER_QUARANTINED);
        assertThat(quarantined).hasSize(1);
        String transfer = quarantined.get(0).entry().transferId();
        Path receipts = inbox("ICE").resolve("receipts").resolve(AGREEMENT);
        assertThat(listAll(receipts)).containsExactly(receipts.resolve("batch.csv.quarantined.json"),
                receipts.resolve("batch.csv.quarantined.json.p7s"));
        assertThat(receipt("ICE", AGREEMENT, "batch.csv.quarantined.json").get("transfer").asText())
                .isEqualTo(transfer);
        assertThat(quarantined(transfer)).exists();
        assertThat(file).doesNotExist();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        if (journalChecked) {
            assertThat(pieces().unfinished("ICE", AGREEMENT + "/requests/batch.csv", Files.size(quarantined(transfer)),
                    Files.getLastModifiedTime(quarantined(transfer), LinkOption.NOFOLLOW_LINKS).toMillis())).isEmpty();
        }
        assertNoTemporaryFiles();
    }

    private Path dropRequests() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10; i++) {
            csv.append(String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,%s,62701,2024,%s,"
                    + "\"Investigation HSI-2025-%04d needs the address\",\"Director, ICE\"%n", i, i, 100 + i,
                    i <= 3 ? "ZZ" : "IL", STATUTE, i));
        }
        return write(outbox("ICE").resolve(AGREEMENT).resolve("requests").resolve("batch.csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Path requesterFolder() {
        return inbox("ICE").resolve(AGREEMENT).resolve("requests");
    }

    /** The published files of a folder (not the hidden temporary ones). */
    private static List<Path> published(Path folder) throws Exception {
        return listAll(folder).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
}
