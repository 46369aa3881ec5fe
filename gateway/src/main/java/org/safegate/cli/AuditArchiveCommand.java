package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.safegate.audit.AuditArchiver;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CertificateCheckpointVerifier;
import org.safegate.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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

    @Override
    public Integer call() {
        AuditKeys keys = config.keys();
        AuditArchiver.Archived archived;
        try (Database database = config.openDatabase()) {
            archived = new AuditArchiver(new AuditStore(database), keys.signer(),
                    new CertificateCheckpointVerifier(keys.certificate()), config.audit(), clock)
                    .archive(before.atStartOfDay(ZoneOffset.UTC).toInstant(), out);
        }
        spec.commandLine().getOut().println(archived.count() == 0 ? "nothing to archive"
                : "archived " + archived.count() + " events (up to " + archived.upTo() + ") to " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
