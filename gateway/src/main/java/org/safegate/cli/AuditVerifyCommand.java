package org.safegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditStore;
import org.safegate.audit.ChainVerifier;
import org.safegate.audit.JsonlExportReader;
import org.safegate.audit.VerificationResult;
import org.safegate.store.Database;
import org.safegate.tlog.NoteKeys;
import org.safegate.tlog.Witness;
import org.safegate.tlog.Witnesses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code safegate audit verify}: recomputes the hash chain and checks every checkpoint signature,
 * on the live store or, with {@code --file}, offline on an export.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the audit log: its hash chain, its Merkle tree and every signed checkpoint (the store,"
                + " or an export with --file).",
            "With --archive, archives made by 'audit archive' are verified first and the store must continue them.",
            "With --witness, the log must still hold every tree that receipts and agencies' checkpoint files saw.",
            "Exit status: 0 intact, 1 tampered, rolled back or forked (names the event and the witness),"
                + " 2 invalid input (also: signed by a different key than --cert; no store, none is created),"
                + " 3 failure."})
final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    AuditConfig config;

    @Option(names = "--file", paramLabel = "EXPORT", description = "Verify this JSON Lines export instead of the store.")
    Path file;

    @Option(names = "--archive", paramLabel = "FILE", description = "Archived events, oldest first, that precede the store.")
    List<Path> archives = new ArrayList<>();

    @Option(names = "--witness", paramLabel = "PATH", description = "A receipt, a .checkpoint file, or a folder of"
            + " them (searched recursively), held outside the gateway; repeatable.")
    List<Path> witnessPaths = new ArrayList<>();

    @Option(names = "--no-inbox-witnesses", description = "Do not check the store against the receipts and checkpoint"
            + " files in the local inboxes of the configured agencies (checked by default).")
    boolean noInboxWitnesses;

    @Option(names = "--json", description = "One JSON object per log verified (archives first): intact, counts,"
            + " and the problem's kind, headline, event and detail.")
    boolean json;

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
            if (file != null || !archives.isEmpty() || certificate != null || !witnessPaths.isEmpty()) {
                throw new org.safegate.SafegateException(org.safegate.ErrorCode.INVALID_ARGUMENT,
                        "--server verifies the running gateway's store: it takes no --file, --archive, --witness or --cert");
            }
            return RemoteAudit.verify(server.client(), server.server.toString(), out, json);
        }
        Progress progress = new Progress(spec.commandLine().getErr(), "verified");
        X509Certificate trusted = config.certificate(certificate);
        ChainVerifier verifier = new ChainVerifier(trusted, progress);
        List<Witness> witnesses;
        try {
            witnesses = Witnesses.load(witnessPaths, new NoteKeys(trusted.getPublicKey()));
        } catch (Witnesses.BadWitness e) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--witness " + e.getMessage());
        }
        VerificationReport report = new VerificationReport(out, json);
        VerificationResult previous = null;
        for (Path archive : archives) {
            VerificationResult result = new JsonlExportReader().verify(archive, verifier);
            if (result.isOtherKey()) {
                throw otherKey(archive.toString(), trusted);
            }
            if (!report.report(archive.toString(), result) || !continues(report, previous, result.lastSequence()
                    - result.events(), archive.toString())) {
                return ExitCodes.CHECK_FAILED;
            }
            previous = result;
        }
        VerificationResult result;
        String what;
        if (file != null) {
            result = new JsonlExportReader().verify(file, verifier, witnesses);
            what = file.toString();
        } else {
            try (Database database = config.openExistingDatabase()) {
                AuditStore store = new AuditStore(database);
                result = store.verify(verifier, withInboxes(witnesses, trusted));
                what = "the audit store";
                if (!archives.isEmpty() && store.archivedUpTo().orElse(0L) != previous.lastSequence()) {
                    report.discontinuous("the audit store", store.archivedUpTo().orElse(0L), previous.lastSequence());
                    out.flush();
                    return ExitCodes.CHECK_FAILED;
                }
            }
        }
        progress.done();
        if (result.isOtherKey()) {
            throw otherKey(what, trusted);
        }
        boolean intact = report.report(what, result)
                && (file != null || continues(report, previous, result.lastSequence() - result.events(), what));
        out.flush();
        return intact ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** The witnesses given, and unless told not to, those in the configured agencies' local inboxes. */
    private List<Witness> withInboxes(List<Witness> given, X509Certificate trusted) {
        if (noInboxWitnesses) {
            return given;
        }
        Path workingDir = Path.of("").toAbsolutePath();
        List<Path> inboxes = InboxWitnesses.folders(workingDir, workingDir.resolve(config.gateway().policies()));
        int[] skipped = {0};
        List<Witness> all = new ArrayList<>(given);
        all.addAll(Witnesses.collect(inboxes, new NoteKeys(trusted.getPublicKey()), bad -> skipped[0]++));
        if (!inboxes.isEmpty()) {
            spec.commandLine().getErr().println("witnesses: " + (all.size() - given.size()) + " checkpoints from "
                    + inboxes.size() + " inbox folders" + (skipped[0] > 0 ? " (" + skipped[0]
                    + " files not signed by this audit key were left out)" : ""));
        }
        return all;
    }

    /** Not evidence of tampering: the certificate given is not the one the log is signed with. */
    private static SafegateException otherKey(String what, X509Certificate trusted) {
        return new SafegateException(ErrorCode.INVALID_ARGUMENT, what + " is signed by a different key than the"
                + " certificate " + trusted.getSubjectX500Principal().getName() + ": verify with the audit certificate"
                + " of the gateway that wrote it (--cert)");
    }

    private static boolean continues(VerificationReport report, VerificationResult previous, long startsAfter,
                                     String what) {
        if (previous == null || previous.lastSequence() == startsAfter) {
            return true;
        }
        report.discontinuous(what, startsAfter, previous.lastSequence());
        return false;
    }
}
