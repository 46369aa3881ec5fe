package org.safegate.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CsvExport;
import org.safegate.audit.JsonlExport;
import org.safegate.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code safegate audit export}: JSON Lines that verify offline (signed seal included), or CSV for spreadsheets. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export audit events: jsonl (with checkpoints and a signed seal; verifies offline) or csv.",
            "Exit status: 0 exported, 2 invalid input or no store (none is created), 3 failure."})
final class AuditExportCommand implements Callable<Integer> {
    private final Clock clock;

    AuditExportCommand(Clock clock) {
        this.clock = clock;
    }

    enum Format { jsonl, csv }

    @Mixin
    AuditConfig config;

    @Mixin
    AuditFilters filters;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write; replaced only when complete.")
    Path out;

    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Progress progress = new Progress(spec.commandLine().getErr(), "exported");
        Path target = out.toAbsolutePath();
        Path partial = null;
        long count;
        if (server.remote()) {
            return RemoteAudit.export(server.client(), filters.parameters(), format.name(), target,
                    spec.commandLine().getOut());
        }
        try (Database database = config.openExistingDatabase()) {
            AuditStore store = new AuditStore(database);
            partial = Files.createTempFile(target.getParent(), ".audit-export", ".part");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                count = format == Format.jsonl
                        ? new JsonlExport(store, config.treeSigner(), clock).write(filters.query(), writer, progress)
                        : new CsvExport(store).write(filters.query(), writer, progress);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
        progress.done();
        spec.commandLine().getOut().println("exported " + count + " events to " + out
                + (format == Format.jsonl && !filters.query().isContiguous() ? " (filtered: not verifiable as a chain)" : ""));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** A half-written export is never left behind under a name someone might mistake for the real one. */
    private static void deleteQuietly(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the original failure, if any, is what the operator needs to see
            }
        }
    }
}
