package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.StoredRevocations;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import picocli.CommandLine;

/**
 * Commands that change the gateway's state through its store act as an operator, proven and
 * authorised as the admin API would: nobody changes anything as the host's account, and a refused
 * command leaves one audit event, the refusal, and nothing else.
 */
class CommandLineOperatorTest {
    @TempDir
    Path dir;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void workspace() throws IOException {
        Path root = TestFiles.repositoryRoot();
        TestFiles.copyTree(root.resolve("policies"), dir.resolve("policies"));
        TestFiles.copyTree(root.resolve("keys-example"), dir.resolve("keys-example"));
        config = Files.writeString(dir.resolve("application.properties"), "safegate.data=" + dir.resolve("data")
                + "\nsafegate.policies=" + dir.resolve("policies")
                + "\nsafegate.keys=file:" + dir.resolve("keys-example") + "\n");
    }

    @Test
    void anAgencyRevokeWithoutCredentialsChangesNothingAndWritesNothing() {
        int exit = run("agency", "revoke", "ICE", "--reason", "incident", "--config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no operator credentials").contains("SAFEGATE_TOKEN")
                .contains("--token-file");
        assertThat(dir.resolve("data")).as("the store is not even opened").doesNotExist();
    }

    @Test
    void anAuditorsTokenCannotRevokeAnAgencyAndOnlyTheRefusalIsAudited() throws IOException {
        Path token = OperatorTokenFiles.issue(dir.resolve("policies"), "auditor", dir.resolve("auditor.token"));

        int exit = run("agency", "revoke", "ICE", "--reason", "incident", "--config", config.toString(),
                "--token-file", token.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("OPERATOR_FORBIDDEN").contains("agencies:revoke");
        try (Database database = store()) {
            assertThat(new StoredRevocations(database).inForce("ICE")).isEmpty();
            assertThat(changes(database)).extracting(e -> e.entry().type())
                    .containsExactly(AuditEventType.OPERATOR_FORBIDDEN);
            assertThat(changes(database).get(0).entry().actor()).isEqualTo("auditor");
        }
    }

    @Test
    void aTokenNoOperatorFileKnowsIsRefusedAndOnlyTheFailedLoginIsAudited() throws IOException {
        Path token = OperatorTokenFiles.unknown("officer", dir.resolve("forged.token"));

        int exit = run("agreement", "revoke", "IRS-ICE-2025", "--reason", "x", "--config", config.toString(),
                "--token-file", token.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("OPERATOR_NOT_AUTHENTICATED");
        try (Database database = store()) {
            assertThat(new StoredRevocations(database).agreementInForce("IRS-ICE-2025")).isEmpty();
            assertThat(changes(database)).extracting(e -> e.entry().type())
                    .containsExactly(AuditEventType.OPERATOR_LOGIN_FAILED);
        }
    }

    @Test
    void theSecurityOfficersTokenRevokesAndTheEventNamesTheOfficer() throws IOException {
        Path token = OperatorTokenFiles.issue(dir.resolve("policies"), "officer", dir.resolve("officer.token"));

        int exit = run("agency", "revoke", "ICE", "--reason", "incident", "--notice", "Suspended pending review",
                "--config", config.toString(), "--token-file", token.toString());

        assertThat(exit).as(err.toString()).isZero();
        try (Database database = store()) {
            assertThat(new StoredRevocations(database).inForce("ICE").orElseThrow().notice())
                    .contains("Suspended pending review");
            AuditEvent revoked = changes(database).get(0);
            assertThat(revoked.entry().type()).isEqualTo(AuditEventType.AGENCY_REVOKED);
            assertThat(revoked.entry().actor()).isEqualTo("officer");
            assertThat(revoked.entry().origin()).contains("command line");
        }
    }

    @Test
    void archivingTheAuditLogNeedsAnAdministrator() throws IOException {
        Path officer = OperatorTokenFiles.issue(dir.resolve("policies"), "officer", dir.resolve("officer.token"));

        int exit = run("audit", "archive", "--before", "2000-01-01", "--out", dir.resolve("archive.jsonl").toString(),
                "--config", config.toString(), "--token-file", officer.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("audit:archive");
        assertThat(dir.resolve("archive.jsonl")).doesNotExist();
    }

    /** The events that are not the gateway's own start-up records (policy loads, tokens coming into force). */
    private static List<AuditEvent> changes(Database database) {
        return new AuditStore(database).list(AuditQuery.ALL).stream()
                .filter(e -> e.entry().type() != AuditEventType.POLICY_LOADED
                        && e.entry().type() != AuditEventType.API_TOKEN_ISSUED)
                .toList();
    }

    private Database store() {
        return Database.open(DatabaseSettings.embedded(dir.resolve("data")));
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
