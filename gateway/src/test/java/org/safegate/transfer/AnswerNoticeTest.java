package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.crypto.DetachedSignature;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * IRS answers ICE's requests under IRS-ICE-2025, two of which did not pass: the
 * notice of the answers withheld reaches IRS once, after the answer file's audit event, however
 * often the file is held and retried, and whether it is delivered or denied.
 */
class AnswerNoticeTest extends TransferScenarioTest {
    private static final String STATUTE = "8 U.S.C. 1253(a)(1)";
    private static final Map<String, String> SETTINGS = Map.of("safegate.requests.allowed-statutes", STATUTE);
    private static final String AGREEMENT = "IRS-ICE-2025";

    @Test
    @DisplayName("ICE's inbox cannot be written when IRS's answers arrive, then it is back. Result: held with no notice"
            + " published; once delivered, IRS has one notice and ICE the 48 answers that may leave.")
    void anAnswerFileHeldAndRetried_resultOneNoticeOnceDelivered() throws Exception {
        Path answers = answersAfterIceRequested(50);
        Path blocked = write(inbox("ICE").resolve(AGREEMENT), "not a folder".getBytes(StandardCharsets.UTF_8));

        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.HELD);
        assertThat(published(notices())).isEmpty();

        Files.delete(blocked);
        clock.advance(Duration.ofSeconds(3));
        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.DELIVERED);

        assertThat(published(notices())).containsExactly(notices().resolve("answers.csv.withheld.csv.p7m"));
        String notice = new String(open(keys.agencyEncryption("IRS"), notices().resolve("answers.csv.withheld.csv.p7m")),
                StandardCharsets.UTF_8);
        assertThat(notice).contains("R-007").contains("R-013").doesNotContain("R-008");
        String delivered = new String(open(keys.agencyEncryption("ICE"),
                inbox("ICE").resolve(AGREEMENT).resolve("answers.csv.p7m")), StandardCharsets.UTF_8);
        assertThat(delivered).contains("R-008").doesNotContain("R-007,");
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("IRS's answers are held while ICE's inbox is down, and meanwhile ICE sends R-007 and R-013 again, now"
            + " passing. Result: the retry withholds nothing and publishes no notice (the held attempt's is dropped).")
    void anAnswerFileHeldWhileTheWithheldRequestsPass_resultNoStaleNotice() throws Exception {
        Path answers = answersAfterIceRequested(50);
        Path blocked = write(inbox("ICE").resolve(AGREEMENT), "not a folder".getBytes(StandardCharsets.UTF_8));
        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.HELD);
        assertThat(listAll(notices())).as("the notice waits hidden").hasSize(1);
        Files.delete(blocked);
        Path again = write(outbox("ICE").resolve(AGREEMENT).resolve("requests").resolve("again.csv"),
                requests(7, 13));
        assertThat(process("ICE", again)).isEqualTo(TransferOutcome.DELIVERED);

        clock.advance(Duration.ofSeconds(3));
        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.DELIVERED);

        assertThat(listAll(notices())).isEmpty();
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("IRS answers only the two requests that did not pass, and the denial is stopped right after its audit"
            + " event. Result: denied ANSWERS_WITHHELD; the next run publishes the notice once.")
    void anAnswerFileDeniedAndStoppedAfterItsEvent_resultOneNotice() throws Exception {
        Path answers = answersAfterIceRequested(0);
        TransferProcessor crashing = gateway.processor().withRefusals(refusalsStoppingAfter(Refusals.Step.AUDITED));

        assertThatThrownBy(() -> crashing.process("IRS", outbox("IRS"), answers)).isInstanceOf(SimulatedCrash.class);
        assertThat(published(notices())).isEmpty();
        restart(SETTINGS);
        assertThat(process("IRS", answers)).isEqualTo(TransferOutcome.DENIED);

        assertThat(published(notices())).containsExactly(notices().resolve("answers.csv.withheld.csv.p7m"));
        assertThat(events(AuditEventType.TRANSFER_DENIED)).hasSize(1);
        assertThat(codes(receipt("IRS", AGREEMENT, "answers.csv.denied.json").get("reasons")))
                .containsExactly("ANSWERS_WITHHELD");
        assertNoTemporaryFiles();
    }

    /**
     * ICE's 50 requests (R-007 and R-013 deficient) forwarded to IRS; then IRS's answer file: to the
     * first {@code answered} requests and to the two that did not pass.
     */
    private Path answersAfterIceRequested(int answered) throws Exception {
        makeIceCurrent();
        start(SETTINGS);
        Path requests = write(outbox("ICE").resolve(AGREEMENT).resolve("requests").resolve("batch.csv"),
                requests(java.util.stream.IntStream.rangeClosed(1, 50).toArray()));
        assertThat(process("ICE", requests)).isEqualTo(TransferOutcome.DELIVERED);
        // the forward's own copies are not what these tests look at
        deleteTree(inbox("ICE").resolve(AGREEMENT));
        StringBuilder csv = new StringBuilder("request_id,last_known_address\n");
        for (int i = 1; i <= 50; i++) {
            if (i <= answered || i == 7 || i == 13) {
                csv.append(String.format("R-%03d,\"%d CEDAR CT, SPRINGFIELD, IL 62701\"%n", i, 200 + i));
            }
        }
        return drop("IRS", AGREEMENT, "answers.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The requests numbered {@code ids}; lack a valid state in a file of more than two. */
    private static byte[] requests(int... ids) {
        StringBuilder csv = new StringBuilder(
                "request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n");
        for (int i : ids) {
            boolean deficient = ids.length > 2 && (i == 7 || i == 13);
            csv.append(String.format("R-%03d,PERSON %03d SAMPLE,%d MAIN ST,SPRINGFIELD,%s,62701,2024,%s,"
                    + "\"Investigation HSI-2025-%04d needs the address\",\"Director, ICE\"%n", i, i, 100 + i,
                    deficient ? "ZZ" : "IL", STATUTE, i));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Path notices() {
        return inbox("IRS").resolve(AGREEMENT).resolve("notices");
    }

    private Refusals refusalsStoppingAfter(Refusals.Step stop) {
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(new DetachedSignature(keys.gatewaySigning(), TestClocks.caseDay())::sign));
        return new Refusals(new Quarantine(workspace.resolve("data")), recorder, new Endpoints(workspace),
                new TransferJournal(gateway.database(), clock), step -> {
                    if (step == stop) {
                        throw new SimulatedCrash(step);
                    }
                });
    }

    /** The published files of a folder (not the hidden temporary ones). */
    private static List<Path> published(Path folder) throws Exception {
        return listAll(folder).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
