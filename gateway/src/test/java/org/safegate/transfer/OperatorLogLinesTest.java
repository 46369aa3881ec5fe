package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safegate.app.GatewayRunner;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.crypto.ExampleCa;
import org.safegate.keys.PemFiles;
import org.safegate.testing.LogCapture;
import org.safegate.testing.TestClocks;

/**
 * What the operator's log says about files: one line per outcome with the transfer's facts (never
 * its content), one line per hold however often it is retried, the start-up block and the summary
 * on stop.
 */
class OperatorLogLinesTest extends TransferScenarioTest {
    private static final Instant NOW = TestClocks.CASE_DAY;
    private LogCapture log;

    @BeforeEach
    void capture() {
        log = new LogCapture();
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void aDeliveredADeniedAndAQuarantinedFile_resultOneLineEachWithTheTransfersFactsAndNoContent() throws Exception {
        start();
        process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES));
        process("IRS", drop("IRS", "IRS-ICE-2025", "b.csv", ADDRESSES));
        process("IRS", write(outbox("IRS").resolve("loose.csv"), ADDRESSES));

        AuditEvent delivered = events(AuditEventType.TRANSFER_DELIVERED).get(0);
        assertThat(log.events("DELIVERED")).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getLoggerName()).isEqualTo("safegate.transfer");
            assertThat(LogCapture.fields(line)).containsEntry("transfer", delivered.entry().transferId())
                    .containsEntry("sender", "IRS").containsEntry("agreement", "IRS-DOJ-2024")
                    .containsEntry("recipient", "DOJ").containsEntry("file", "a.csv")
                    .containsEntry("size", Integer.toString(ADDRESSES.length)).containsEntry("reasons", "-");
            assertThat(line.getFormattedMessage()).isEqualTo("DELIVERED transfer=" + delivered.entry().transferId()
                    + " sender=IRS agreement=IRS-DOJ-2024 recipient=DOJ file=a.csv size=" + ADDRESSES.length
                    + " reasons=-");
        });
        AuditEvent denied = events(AuditEventType.TRANSFER_DENIED).get(0);
        assertThat(denied.entry().reasonCodes()).contains("CAP_ITEM_UNDATED");
        assertThat(log.events("DENIED")).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(LogCapture.fields(line)).containsEntry("agreement", "IRS-ICE-2025")
                    .containsEntry("recipient", "ICE").containsEntry("file", "b.csv")
                    .containsEntry("reasons", String.join(",", denied.entry().reasonCodes()));
        });
        assertThat(log.events("QUARANTINED")).singleElement().satisfies(line -> assertThat(LogCapture.fields(line))
                .containsEntry("sender", "IRS").containsEntry("file", "loose.csv")
                .containsEntry("reasons", "MISPLACED"));
        assertThat(log.lines()).as("never the payload").noneMatch(text -> text.contains("Jane Roe"));
        assertThat(log.events()).noneMatch(e -> LogCapture.fields(e).values().stream()
                .anyMatch(value -> value.contains("Jane Roe")));
    }

    @Test
    void aFileHeldAndRetried_resultOneHeldLineWithItsReason() throws Exception {
        PemFiles.writeCrl(workspace.resolve("keys-example/ca/ca.crl"),
                ExampleCa.crl(NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(2))));
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);
        gateway.processor().held().retryNow(taken("IRS", file));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);
        gateway.processor().held().retryNow(taken("IRS", file));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        List<ILoggingEvent> held = log.events("HELD");
        assertThat(held).as("once per hold, not per retry").singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(LogCapture.fields(line).get("file")).endsWith("a.csv");
            assertThat(LogCapture.fields(line).get("reason")).contains("DOJ's certificate")
                    .contains("is past its nextUpdate");
        });
    }

    @Test
    void aRunOfTheGateway_resultTheStartUpBlockThenTheSummaryOnStop() throws Exception {
        start();
        drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        drop("IRS", "IRS-ICE-2025", "b.csv", ADDRESSES);

        assertThat(new GatewayRunner(gateway).runOnce(Duration.ofSeconds(60))).isEmpty();

        List<Map<String, String>> start = log.events("START").stream().map(LogCapture::fields).toList();
        assertThat(start).anySatisfy(f -> assertThat(f).containsKey("version").containsEntry("config", "map"));
        assertThat(start).anySatisfy(f -> assertThat(f)
                .containsEntry("policies", workspace.resolve("policies").toString())
                .containsEntry("agencies", "3").containsEntry("agreements", "3"));
        assertThat(start).anySatisfy(f -> assertThat(f).containsEntry("keys", "file:keys-example"));
        assertThat(start).anySatisfy(f -> assertThat(f).containsEntry("data", workspace.resolve("data").toString())
                .containsEntry("store", workspace.resolve("data/store/safegate.db").toString()));
        for (String agency : List.of("DOJ", "ICE", "IRS")) {
            assertThat(start).anySatisfy(f -> assertThat(f).containsEntry("agency", agency)
                    .containsEntry("outbox", "file").containsEntry("inbox", "file"));
        }
        assertThat(start).anySatisfy(f -> assertThat(f).containsEntry("api", "off"));
        assertThat(log.lines()).noneMatch(text -> text.contains("INSECURE-example"));

        assertThat(log.events("STOPPED")).singleElement().satisfies(line -> assertThat(LogCapture.fields(line))
                .containsEntry("files", "2").containsEntry("delivered", "1").containsEntry("denied", "1")
                .containsEntry("quarantined", "0").containsEntry("held", "0"));
        List<String> lines = log.lines();
        assertThat(lines.indexOf(log.events("STOPPED").get(0).getFormattedMessage()))
                .isGreaterThan(lines.indexOf(log.events("DELIVERED").get(0).getFormattedMessage()));
    }
}
