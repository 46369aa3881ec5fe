package org.safegate.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.tlog.CheckedNote;
import org.safegate.tlog.CheckpointFolder;
import org.safegate.tlog.InclusionProof;
import org.safegate.tlog.NoteKeys;
import org.safegate.tlog.Witness;
import org.safegate.tlog.Witnesses;

/**
 * The auditor's verifier on its own: {@code java -jar safegate-audit-verifier.jar}, with no gateway,
 * database or network. The gateway's {@code safegate audit verify --file} runs the same code.
 *
 * <pre>
 * export FILE --cert audit.crt [--witness PATH]...   an export: chain, tree, checkpoints, seal
 * proof FILE --cert audit.crt                        a proof (audit prove) or a receipt
 * checkpoint FILE --cert audit.crt                   a checkpoint note
 * checkpoints FOLDER --cert audit.crt                an inbox's checkpoints: each signed, each extending the last
 * </pre>
 * Exit status: 0 verified, 1 tampered (or not proven), 2 bad input or another key, 3 unreadable.
 */
public final class AuditVerifierMain {
    private static final String USAGE = "usage: export FILE --cert CERT [--witness PATH]... | proof FILE --cert CERT"
            + " | checkpoint FILE --cert CERT | checkpoints FOLDER --cert CERT";

    private AuditVerifierMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 4 || !args[2].equals("--cert")) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            X509Certificate certificate = certificate(Path.of(args[3]));
            List<Path> witnesses = new ArrayList<>();
            for (int i = 4; i + 1 < args.length && args[i].equals("--witness"); i += 2) {
                witnesses.add(Path.of(args[i + 1]));
            }
            return switch (args[0]) {
                case "export" -> export(file, certificate, witnesses, out, err);
                case "proof" -> proof(file, certificate, out);
                case "checkpoint" -> checkpoint(file, certificate, out);
                case "checkpoints" -> checkpoints(file, certificate, out);
                default -> {
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (AuditFileException e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return e.isInputError() ? 2 : 3;
        } catch (Witnesses.BadWitness | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | GeneralSecurityException | java.io.UncheckedIOException e) {
            err.println("error: cannot read: " + e.getMessage());
            return 3;
        }
    }

    private static int export(Path file, X509Certificate certificate, List<Path> witnessPaths, PrintStream out,
                              PrintStream err) {
        List<Witness> witnesses = Witnesses.load(witnessPaths, new NoteKeys(certificate.getPublicKey()));
        VerificationResult result = new JsonlExportReader().verify(file, new ChainVerifier(certificate), witnesses);
        if (result.isOtherKey()) {
            err.println("error: " + file + " is signed by a different key than the certificate given");
            return 2;
        }
        if (result.isIntact()) {
            out.println("intact: " + file + ": " + result.events() + " events, " + result.checkpoints()
                    + " checkpoint signatures");
            return 0;
        }
        Tamper problem = result.problem().get();
        out.println(problem.kind().headline() + ": " + file + ": " + problem);
        return 1;
    }

    private static int proof(Path file, X509Certificate certificate, PrintStream out) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        var node = json.has("audit") ? json.get("audit") : json; // a receipt carries its proof as "audit"
        InclusionProof proof = new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(node, InclusionProof.class);
        Optional<String> problem = proof.problem(new NoteKeys(certificate.getPublicKey()));
        if (problem.isPresent()) {
            out.println("NOT PROVEN: " + file + ": " + problem.get());
            return 1;
        }
        out.println("proven: event " + (proof.leafIndex() + 1) + " (transfer " + proof.transfer()
                + ") is in the signed tree of " + proof.treeSize() + " events");
        return 0;
    }

    private static int checkpoint(Path file, X509Certificate certificate, PrintStream out) throws IOException {
        CheckedNote note = CheckedNote.of(Files.readString(file, StandardCharsets.UTF_8),
                new NoteKeys(certificate.getPublicKey()));
        if (note.head() == null || !note.isValid()) {
            out.println("NOT SIGNED: " + file + ": " + (note.head() == null ? note.problem() : note.check()));
            return 1;
        }
        out.println("signed: " + note.head());
        return 0;
    }

    private static int checkpoints(Path folder, X509Certificate certificate, PrintStream out) throws IOException {
        CheckpointFolder.Result result = CheckpointFolder.check(folder, new NoteKeys(certificate.getPublicKey()));
        if (result.problem().isPresent()) {
            out.println("FORKED OR ALTERED: " + result.problem().get());
            return 1;
        }
        out.println("consistent: " + folder + ": " + result.checkpoints() + " signed checkpoints, "
                + result.proofs() + " consistency proofs between them");
        return 0;
    }

    private static X509Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
