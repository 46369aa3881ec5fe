package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.safegate.audit.AuditArchiver;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.ChainVerifier;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CertificateCheckpointVerifier;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.config.ApiSettings;
import org.safegate.operator.ApiTokens;
import org.safegate.operator.OperatorLogin;
import org.safegate.operator.Power;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.Database;
import org.safegate.store.StoredApiTokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code safegate audit archive}: retention; moves events past the retention period into a signed export. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Move events recorded before a day that is past the retention period (default 7 years)"
                + " into a signed JSON Lines archive; the store keeps the link to it.",
            "Exit status: 0 archived (or nothing to archive), 2 invalid input, 3 failure."})
final class AuditArchiveCommand implements Callable<Integer> {
    private final Clock clock;

    AuditArchiveCommand(Clock clock) {
        this.clock = clock;
    }

    @Mixin
    AuditConfig config;

    @Option(names = "--before", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Archive events recorded before this day (UTC).")
    LocalDate before;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The archive to create (must not exist).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    OperatorOptions operator;

    @Override
    public Integer call() {
        LocalOperator local = LocalOperator.of(operator);
        TreeHeadSigner signer = config.treeSigner();
        AuditArchiver.Archived archived;
        try (Database database = config.openDatabase();
             JdbcAuditLog audit = new JdbcAuditLog(database, signer, config.audit(), clock)) {
            Path workingDir = Path.of("").toAbsolutePath();
            PolicySet policies = new PolicyLoader(workingDir).load(workingDir.resolve(config.gateway().policies()))
                    .require();
            OperatorLogin login = new OperatorLogin(() -> policies, new ApiTokens(new StoredApiTokens(database), audit,
                    clock, ApiSettings.tokenLifetime(config.settings())), audit);
            String actor = local.require(login, Power.AUDIT_ARCHIVE, "safegate audit archive", out.toString());
            archived = new AuditArchiver(new AuditStore(database), signer,
                    new ChainVerifier(signer.certificate()), config.audit(), clock)
                    .archive(before.atStartOfDay(ZoneOffset.UTC).toInstant(), out);
            if (archived.count() > 0) {
                audit.append(AuditEntry.builder(AuditEventType.AUDIT_ARCHIVED, actor)
                        .origin("safegate audit archive (command line)").object(out.toAbsolutePath().toString())
                        .change("archived " + archived.count() + " events up to " + archived.upTo()).build());
            }
        }
        spec.commandLine().getOut().println(archived.count() == 0 ? "nothing to archive"
                : "archived " + archived.count() + " events (up to " + archived.upTo() + ") to " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
