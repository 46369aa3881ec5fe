package org.safegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CertificateCheckpointVerifier;
import org.safegate.audit.ChainVerifier;
import org.safegate.audit.JsonlExportReader;
import org.safegate.audit.VerificationResult;
import org.safegate.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code safegate audit verify}: recomputes the hash chain and checks every checkpoint signature,
 * on the live store or, with {@code --file}, offline on an export.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the audit log's hash chain and checkpoint signatures (the store, or an export with --file).",
            "With --archive, archives made by 'audit archive' are verified first and the store must continue them.",
            "Exit status: 0 intact, 1 tampered (names the first bad event), 2 invalid input or no store"
                + " (none is created), 3 failure."})
final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    AuditConfig config;

    @Option(names = "--file", paramLabel = "EXPORT", description = "Verify this JSON Lines export instead of the store.")
    Path file;

    @Option(names = "--archive", paramLabel = "FILE", description = "Archived events, oldest first, that precede the store.")
    List<Path> archives = new ArrayList<>();

    @Option(names = "--cert", paramLabel = "FILE",
            description = "The audit certificate (PEM); default: gateway/audit.crt in the configured key store.")
    Path certificate;

    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (server.remote()) {
            if (file != null || !archives.isEmpty() || certificate != null) {
                throw new org.safegate.SafegateException(org.safegate.ErrorCode.INVALID_ARGUMENT,
                        "--server verifies the running gateway's store: it takes no --file, --archive or --cert");
            }
            return RemoteAudit.verify(server.client(), server.server.toString(), out);
        }
        Progress progress = new Progress(spec.commandLine().getErr(), "verified");
        ChainVerifier verifier = new ChainVerifier(new CertificateCheckpointVerifier(config.certificate(certificate)),
                progress);
        VerificationResult previous = null;
        for (Path archive : archives) {
            VerificationResult result = new JsonlExportReader().verify(archive, verifier);
            if (!report(out, archive.toString(), result) || !continues(out, previous, result.lastSequence()
                    - result.events(), archive.toString())) {
                return ExitCodes.CHECK_FAILED;
            }
            previous = result;
        }
        VerificationResult result;
        String what;
        if (file != null) {
            result = new JsonlExportReader().verify(file, verifier);
            what = file.toString();
        } else {
            try (Database database = config.openExistingDatabase()) {
                AuditStore store = new AuditStore(database);
                result = store.verify(verifier);
                what = "the audit store";
                if (!archives.isEmpty() && store.archivedUpTo().orElse(0L) != previous.lastSequence()) {
                    out.println("TAMPERED: the store does not continue the archives: they end at event "
                            + previous.lastSequence() + ", the store starts after " + store.archivedUpTo().orElse(0L));
                    return ExitCodes.CHECK_FAILED;
                }
            }
        }
        progress.done();
        boolean intact = report(out, what, result)
                && (file != null || continues(out, previous, result.lastSequence() - result.events(), what));
        out.flush();
        return intact ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static boolean report(PrintWriter out, String what, VerificationResult result) {
        if (result.isIntact()) {
            out.println("intact: " + what + ": " + result.events() + " events, " + result.checkpoints()
                    + " checkpoint signatures, head " + result.lastSequence() + " " + result.lastHash());
            return true;
        }
        out.println("TAMPERED: " + what + ": " + result.problem().get());
        return false;
    }

    private static boolean continues(PrintWriter out, VerificationResult previous, long startsAfter, String what) {
        if (previous == null || previous.lastSequence() == startsAfter) {
            return true;
        }
        out.println("TAMPERED: " + what + " starts after event " + startsAfter + " but the archive before it ends at "
                + previous.lastSequence());
        return false;
    }
}
