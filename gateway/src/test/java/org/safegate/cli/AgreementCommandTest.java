package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

/** {@code safegate agreement revoke|reinstate}: durable in the gateway's store and audited. */
class AgreementCommandTest {
    @TempDir
    Path dir;
    private Path config;
    private Path officerToken;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void workspace() throws IOException {
        Path root = TestFiles.repositoryRoot();
        TestFiles.copyTree(root.resolve("policies"), dir.resolve("policies"));
        TestFiles.copyTree(root.resolve("keys-example"), dir.resolve("keys-example"));
        officerToken = OperatorTokenFiles.issue(dir.resolve("policies"), "officer", dir.resolve("officer.token"));
        config = Files.writeString(dir.resolve("application.properties"), "safegate.data=" + dir.resolve("data")
                + "\nsafegate.policies=" + dir.resolve("policies")
                + "\nsafegate.keys=file:" + dir.resolve("keys-example") + "\n");
    }

    @Test
    void revokeIsStoredAndAuditedAndReinstateLiftsIt() {
        assertThat(run("agreement", "revoke", "IRS-ICE-2025", "--reason", "disclosures under review",
                "--notice", "Suspended pending review", "--config", config.toString(),
                "--token-file", officerToken.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("IRS-ICE-2025 revoked");
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            assertThat(new StoredRevocations(database).agreementInForce("IRS-ICE-2025").orElseThrow().notice())
                    .contains("Suspended pending review");
            List<AuditEvent> revoked = events(database, AuditEventType.AGREEMENT_REVOKED);
            assertThat(revoked).hasSize(1);
            assertThat(revoked.get(0).entry().actor()).as("the operator the token proves").isEqualTo("officer");
            assertThat(revoked.get(0).entry().change()).contains("disclosures under review");
        }

        assertThat(run("agreement", "reinstate", "IRS-ICE-2025", "--reason", "review done",
                "--config", config.toString(), "--token-file", officerToken.toString())).as(err.toString()).isZero();
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            assertThat(new StoredRevocations(database).agreementInForce("IRS-ICE-2025")).isEmpty();
            assertThat(events(database, AuditEventType.AGREEMENT_REINSTATED)).hasSize(1);
        }
    }

    @Test
    void unknownAgreementIsAnInputErrorNamingIt() {
        assertThat(run("agreement", "revoke", "NO-SUCH", "--reason", "x", "--config", config.toString(),
                "--token-file", officerToken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("NO-SUCH");
    }

    @Test
    void reinstatingWhatIsNotRevokedIsAnInputError() {
        assertThat(run("agreement", "reinstate", "IRS-ICE-2025", "--reason", "x", "--config", config.toString(),
                "--token-file", officerToken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not revoked");
    }

    @Test
    void reasonIsRequired() {
        assertThat(run("agreement", "revoke", "IRS-ICE-2025", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--reason");
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static List<AuditEvent> events(Database database, AuditEventType type) {
        return new AuditStore(database).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
