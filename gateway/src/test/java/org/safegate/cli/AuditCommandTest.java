package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEntries;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.MutableClock;
import org.safegate.audit.Outcome;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import picocli.CommandLine;

/** The auditor's commands on an embedded store configured through application.properties. */
class AuditCommandTest {
    private static final TestAuditKeys KEYS = TestAuditKeys.rsa();

    @TempDir
    Path dir;
    private Path config;
    private Path adminToken;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void populate() throws Exception {
        KEYS.writeTo(dir.resolve("keys"));
        // the operators, for the command that changes the store (archive)
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("policies"), dir.resolve("policies"));
        adminToken = OperatorTokenFiles.issue(dir.resolve("policies"), "admin", dir.resolve("admin.token"));
        config = Files.writeString(dir.resolve("application.properties"), "safegate.data=" + dir.resolve("data")
                + "\nsafegate.keys=file:" + dir.resolve("keys") + "\nsafegate.policies=" + dir.resolve("policies") + "\n");
        MutableClock clock = new MutableClock(Instant.parse("2015-03-01T10:00:00Z"));
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")));
             JdbcAuditLog log = new JdbcAuditLog(database, KEYS.treeSigner(),
                     AuditSettings.DEFAULTS.withMaxBatch(16), clock)) {
            log.append(AuditEntry.builder(AuditEventType.POLICY_LOADED, "alice").object("policies/").build());
            log.append(AuditEntries.delivered("t-old", "IRS-DOJ-2015", 4));
            clock.advance(Duration.ofDays(3650));
            log.append(AuditEntries.delivered("t-1", "IRS-DOJ-2024", 12).toBuilder().recipient("DOJ").build());
            log.append(AuditEntries.denied("t-2", "IRS-ICE-2025", "CAP_MISSING", "CAP_ITEM_UNDATED"));
            log.append(AuditEntries.redisclosed("t-3", "t-1", "DOJ-ICE-2024", 5));
            log.append(AuditEntry.builder(AuditEventType.REDISCLOSURE, "ICE").transferId("t-4").provider("ICE")
                    .recipient("X").agreement("ICE-X-2025").recordCount(2L).decision("permit").parentTransfer("t-3")
                    .build());
            log.append(AuditEntry.builder(AuditEventType.TRANSFER_QUARANTINED, "IRS").transferId("t-5")
                    .agreement("IRS-ICE-2025").outcome(Outcome.FAILURE).change("unsigned input").build());
            log.append(AuditEntries.denied("t-6", "IRS-ICE-2025", "CAP_ITEM_UNDATED"));
        }
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] withConfig(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return all;
    }

    @Test
    void listShowsEveryEventAndFiltersByOutcomeReasonAgencyAndTransfer() throws Exception {
        assertThat(run(withConfig("audit", "list"))).isZero();
        assertThat(out.toString()).contains("8 events").contains("POLICY_LOADED").contains("CAP_MISSING,CAP_ITEM_UNDATED");

        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "list", "--outcome", "denied", "--reason", "CAP_ITEM_UNDATED", "--json")))
                .isZero();
        JsonNode denied = new ObjectMapper().readTree(out.toString());
        assertThat(denied.findValuesAsText("transfer")).containsExactly("t-2", "t-6");

        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "list", "--reason", "CAP_MISSING", "--json"))).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).findValuesAsText("transfer")).containsExactly("t-2");

        out.getBuffer().setLength(0);
        run(withConfig("audit", "list", "--agency", "X", "--json"));
        assertThat(new ObjectMapper().readTree(out.toString()).findValuesAsText("transfer")).containsExactly("t-4");

        out.getBuffer().setLength(0);
        run(withConfig("audit", "list", "--to", "2015-12-31", "--json"));
        assertThat(new ObjectMapper().readTree(out.toString())).hasSize(2);
    }

    @Test
    void showPrintsTheTransferAndItsRedisclosureChainFromTheOriginal() {
        assertThat(run(withConfig("audit", "show", "t-3"))).isZero();
        String text = out.toString();
        assertThat(text).contains("Transfer t-3").contains("REDISCLOSURE").contains("derived from").contains("t-1");
        List<String> tree = text.lines().dropWhile(l -> !l.startsWith("Disclosure chain")).skip(1).toList();
        assertThat(tree.get(0)).startsWith("t-1 ").contains("TRANSFER_DELIVERED IRS -> DOJ");
        assertThat(tree.get(1)).contains("`- t-3 *").contains("DOJ -> ICE");
        assertThat(tree.get(2)).contains("`- t-4").contains("ICE -> X");
    }

    @Test
    void showOfAnUnknownTransferIsInvalidInput() {
        assertThat(run(withConfig("audit", "show", "nope"))).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("no audit events for transfer nope");
    }

    @Test
    void verifyExitsZeroWhenIntactAndOneNamingTheEventWhenTampered() throws Exception {
        assertThat(run(withConfig("audit", "verify"))).isZero();
        assertThat(out.toString()).contains("intact").contains("8 events");

        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")));
             Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_event SET record_count = 1 WHERE seq = 3");
        }
        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "verify"))).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("TAMPERED").contains("event 3: altered");
    }

    @Test
    void aJsonlExportVerifiesOfflineWithOnlyTheCertificate() throws Exception {
        Path export = dir.resolve("audit.jsonl");
        assertThat(run(withConfig("audit", "export", "--format", "jsonl", "--out", export.toString()))).isZero();
        assertThat(out.toString()).contains("exported 8 events");

        out.getBuffer().setLength(0);
        Path cert = dir.resolve("keys/gateway/audit.crt");
        assertThat(run("audit", "verify", "--file", export.toString(), "--cert", cert.toString())).isZero();
        assertThat(out.toString()).contains("intact").contains("8 events");

        List<String> lines = Files.readAllLines(export);
        Files.write(export, lines.stream().map(l -> l.replace("\"records\":12", "\"records\":1")).toList());
        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--file", export.toString(), "--cert", cert.toString()))
                .isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("event 3: altered");
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerMatchingEvent() throws Exception {
        Path csv = dir.resolve("denied.csv");
        assertThat(run(withConfig("audit", "export", "--format", "csv", "--outcome", "denied", "--out",
                csv.toString()))).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("seq,time,type,actor");
        assertThat(lines.get(1)).contains("TRANSFER_DENIED").contains("CAP_MISSING CAP_ITEM_UNDATED");
    }

    @Test
    void reportAccountsForDisclosuresPerAgreement() throws Exception {
        assertThat(run(withConfig("audit", "report", "--from", "2024-01-01", "--json"))).isZero();
        JsonNode agreements = new ObjectMapper().readTree(out.toString()).get("agreements");
        assertThat(agreements.has("IRS-DOJ-2015")).isFalse();
        assertThat(agreements.get("IRS-DOJ-2024").get("transfersDelivered").asLong()).isEqualTo(1);
        assertThat(agreements.get("IRS-DOJ-2024").get("recordsDelivered").asLong()).isEqualTo(12);
        JsonNode ice = agreements.get("IRS-ICE-2025");
        assertThat(ice.get("denied").asLong()).isEqualTo(2);
        assertThat(ice.get("deniedByReason").get("CAP_ITEM_UNDATED").asLong()).isEqualTo(2);
        assertThat(ice.get("deniedByReason").get("CAP_MISSING").asLong()).isEqualTo(1);
        assertThat(ice.get("quarantined").asLong()).isEqualTo(1);
        assertThat(agreements.get("DOJ-ICE-2024").get("redisclosed").asLong()).isEqualTo(1);
        assertThat(agreements.get("DOJ-ICE-2024").get("recordsRedisclosed").asLong()).isEqualTo(5);

        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "report"))).isZero();
        assertThat(out.toString()).contains("Accounting of disclosures").contains("IRS-ICE-2025")
                .contains("CAP_ITEM_UNDATED=2");
    }

    @Test
    void retentionMovesOldEventsIntoASignedArchiveThatLinksToTheStore() throws Exception {
        Path archive = dir.resolve("archive-2015.jsonl");
        assertThat(run(withConfig("audit", "archive", "--before", "2016-01-01", "--out", archive.toString(),
                "--token-file", adminToken.toString()))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("archived 2 events (up to 2)");

        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "list", "--json"))).isZero();
        JsonNode left = new ObjectMapper().readTree(out.toString());
        // the six newer events, the admin's token coming into force, and the archiving itself
        assertThat(left).hasSize(8);
        assertThat(left.get(7).path("type").asText()).isEqualTo("AUDIT_ARCHIVED");
        assertThat(left.get(7).path("actor").asText()).isEqualTo("admin");

        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "verify", "--archive", archive.toString()))).isZero();
        assertThat(out.toString()).contains("intact: " + archive).contains("intact: the audit store");

        Files.write(archive, Files.readAllLines(archive).stream()
                .map(l -> l.replace("\"transfer\":\"t-old\"", "\"transfer\":\"t-new\"")).toList());
        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "verify", "--archive", archive.toString())))
                .isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("TAMPERED: " + archive).contains("event 2: altered");

        out.getBuffer().setLength(0);
        assertThat(run(withConfig("audit", "archive", "--before", "2030-01-01", "--out", dir.resolve("b").toString(),
                "--token-file", adminToken.toString())))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("kept for P7Y");
    }

    @Test
    void aStoreWhoseOldEventsWereDeletedWithoutAnArchiveIsReportedAsRemoved() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")));
             Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_event WHERE seq <= 2");
        }
        assertThat(run(withConfig("audit", "verify"))).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("event 1: removed");
    }
}
