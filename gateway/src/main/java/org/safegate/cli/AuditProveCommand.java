package org.safegate.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditProofs;
import org.safegate.files.JsonDocuments;
import org.safegate.store.Database;
import org.safegate.tlog.InclusionProof;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code safegate audit prove TRANSFER_ID}: the inclusion proof of a transfer's outcome event in the
 * tree of the latest signed checkpoint, as JSON anyone can check (docs/audit-format.md).
 */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = {"Write the inclusion proof of a transfer's audit event (JSON): its leaf, the path to the root"
                + " of the latest signed checkpoint, and that checkpoint.",
            "Exit status: 0 written, 2 no such transfer or bad input, 3 store failure."})
final class AuditProveCommand implements Callable<Integer> {
    @Mixin
    AuditConfig config;

    @Parameters(paramLabel = "TRANSFER_ID")
    String transferId;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the proof here instead of to standard output.")
    Path target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        InclusionProof proof;
        try (Database database = config.openExistingDatabase()) {
            proof = new AuditProofs(database).prove(transferId);
        } catch (SafegateException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
            }
            throw e;
        }
        String json = json(proof);
        PrintWriter out = spec.commandLine().getOut();
        if (target == null) {
            out.print(json);
        } else {
            write(json);
            out.println("wrote the proof of transfer " + transferId + " (event " + (proof.leafIndex() + 1)
                    + " in a tree of " + proof.treeSize() + ") to " + target);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String json(InclusionProof proof) {
        try {
            return JsonDocuments.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(proof) + "\n";
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write the proof: " + e.getMessage(), e);
        }
    }

    /** Written beside the target and moved into place, so a reader never sees half a proof. */
    private void write(String json) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".proof-", ".tmp");
            Files.writeString(temporary, json);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
