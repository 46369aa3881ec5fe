package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.DirectAnswers;
import org.safegate.admin.TransferTimings;
import org.safegate.app.Gateway;
import org.safegate.app.LogOutput;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.config.Settings;
import org.safegate.config.LogFormat;
import org.safegate.crypto.ExampleCa;
import org.safegate.keys.PemFiles;
import org.safegate.testing.LogCapture;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code safegate run --once} in-process: it ends with a summary of outcomes on standard output,
 * keeps its exit codes, and writes JSON lines with {@code safegate.log.format=json}.
 */
class RunOnceSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";

    @TempDir
    Path workspace;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The examples, with their paths made absolute: {@code run} resolves them against the current folder. */
    @BeforeEach
    void copyExamples() throws IOException {
        Path root = TestFiles.repositoryRoot();
        TestFiles.copyTree(root.resolve("policies"), workspace.resolve("policies"));
        TestFiles.copyTree(root.resolve("keys-example"), workspace.resolve("keys-example"));
        try (Stream<Path> agencies = Files.list(workspace.resolve("policies/agencies"))) {
            for (Path agency : agencies.toList()) {
                Files.writeString(agency, Files.readString(agency).replace("path: work/",
                        "path: " + workspace.resolve("work") + "/").replace(": keys-example/",
                        ": " + workspace.resolve("keys-example") + "/"));
            }
        }
    }

    @Test
    void aRunOnceOverThreeFiles_resultTheSummaryOnStandardOutputAndExitZero() throws Exception {
        drop("IRS-DOJ-2024", "a.csv");
        drop("IRS-DOJ-2024", "b.csv");
        drop("IRS-ICE-2025", "c.csv");

        int exit = run(config(Map.of()));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("safegate: 3 files: 2 delivered, 1 denied, 0 quarantined, 0 held\n");
    }

    @Test
    void aRunOnceWithAHeldFile_resultExit3TheHeldFileOnStandardErrorAndTheSummaryCountingIt() throws Exception {
        // a CRL past its nextUpdate: DOJ's certificate cannot be checked, the file waits for a current one
        PemFiles.writeCrl(workspace.resolve("keys-example/ca/ca.crl"), ExampleCa.crl(
                TestClocks.CASE_DAY.minus(Duration.ofDays(40)), TestClocks.CASE_DAY.minus(Duration.ofDays(2))));
        drop("IRS-DOJ-2024", "a.csv");

        int exit;
        try (LogCapture log = new LogCapture()) {
            exit = run(config(Map.of()));

            assertThat(log.events("STOPPED")).singleElement().satisfies(line -> assertThat(LogCapture.fields(line))
                    .containsEntry("files", "1").containsEntry("held", "1"));
            assertThat(log.events("STILL-HELD")).singleElement().satisfies(line -> {
                assertThat(LogCapture.fields(line).get("file")).endsWith("a.csv");
                assertThat(LogCapture.fields(line).get("reason")).contains("is past its nextUpdate");
            });
        }

        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("held: ").contains("a.csv");
        assertThat(out.toString()).isEqualTo("safegate: 1 file: 0 delivered, 0 denied, 0 quarantined, 1 held\n");
    }

    @Test
    void jsonFormat_resultEveryLineIsJsonWithTheOutcomesFields() throws Exception {
        drop("IRS-DOJ-2024", "a.csv");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = rootAppender(written);
        int exit;
        try (LogCapture ignored = new LogCapture()) {
            exit = run(config(Map.of("safegate.log.format", "json")));
        } finally {
            LogOutput.use(LogFormat.TEXT);
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
            appender.stop();
        }

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : written.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        JsonNode delivered = lines.stream().filter(l -> l.path("loggerName").asText().equals("safegate.transfer"))
                .findFirst().orElseThrow();
        Map<String, String> fields = new HashMap<>();
        delivered.path("kvpList").forEach(pair -> pair.fields()
                .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText())));
        assertThat(fields).containsEntry("event", "DELIVERED").containsEntry("sender", "IRS")
                .containsEntry("agreement", "IRS-DOJ-2024").containsEntry("recipient", "DOJ")
                .containsEntry("file", "a.csv").containsEntry("size", Integer.toString(CSV.length()))
                .containsKey("transfer");
        assertThat(delivered.path("level").asText()).isEqualTo("INFO");
        assertThat(delivered.path("message").asText()).startsWith("DELIVERED transfer=");
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText()).startsWith("START version="));
        assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("Jane Roe");
    }

    @Test
    void aRecallIssuedOnTheStore_resultTheNextRunOnceDeliversItsNotice() throws Exception {
        drop("IRS-DOJ-2024", "a.csv");
        Path config = config(Map.of());
        assertThat(run(config)).as(err.toString()).isZero();
        String recall;
        try (Gateway gateway = Gateway.open(Settings.load(Optional.of(config), Map.of()), Map.of(), workspace,
                TestClocks.runningFromCaseDay())) {
            String transfer = new AuditStore(gateway.database()).list(AuditQuery.ALL).stream()
                    .filter(e -> e.type() == AuditEventType.TRANSFER_DELIVERED).findFirst().orElseThrow().entry()
                    .transferId();
            ObjectNode body = JSON.createObjectNode();
            body.putArray("transfers").add(transfer);
            body.put("reason", "r");
            body.put("notice", "Destroy it");
            recall = JSON.readTree(new DirectAnswers(gateway.adminServicesOnStore(new TransferTimings()))
                    .issueRecall(body, "officer")).path("id").asText();
        }
        Path notice = workspace.resolve("work/DOJ/inbox/recalls").resolve(recall + ".json.p7m");
        assertThat(notice).doesNotExist();

        assertThat(run(config)).as(err.toString()).isZero();

        assertThat(notice).isNotEmptyFile();
    }

    @Test
    void anUnknownLogFormat_resultExit2NamingTheKeyAndTheAcceptedValues() throws Exception {
        int exit = run(config(Map.of("safegate.log.format", "xml")));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("safegate.log.format must be text or json, found 'xml'");
    }

    private int run(Path config) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("run", "--once", "--timeout", "60", "--config", config.toString());
    }

    private Path config(Map<String, String> extra) throws IOException {
        Map<String, String> values = new HashMap<>(Map.of("safegate.keys", "file:" + workspace.resolve("keys-example"),
                "safegate.policies", workspace.resolve("policies").toString(),
                "safegate.data", workspace.resolve("data").toString(), "safegate.api.port", "0"));
        values.putAll(extra);
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return Files.writeString(workspace.resolve("application.properties"), text.toString());
    }

    private void drop(String agreement, String name) throws IOException {
        Path folder = Files.createDirectories(workspace.resolve("work/IRS/outbox").resolve(agreement));
        Path hidden = Files.writeString(folder.resolve("." + name), CSV);
        Files.move(hidden, folder.resolve(name));
    }

    /** An appender on the root logger, as logback.xml's console appender is: JSON applies to it too. */
    private static OutputStreamAppender<ILoggingEvent> rootAppender(ByteArrayOutputStream into) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%msg%n");
        text.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(text);
        appender.setOutputStream(into);
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }
}
