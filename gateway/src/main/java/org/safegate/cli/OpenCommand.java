package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.crypto.OpenedFile;
import org.safegate.crypto.Opener;
import org.safegate.keys.PemFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code safegate open}: decrypt and verify a sealed file, and the sender's signature inside it if any. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Decrypt a sealed file and verify its signature, and the sender's signature inside it when"
                + " the sender signed first. Prints the signers and signing time; on any failure exits non-zero"
                + " and writes no output file.")
final class OpenCommand implements Callable<Integer> {
    private final Clock clock;

    OpenCommand(Clock clock) {
        this.clock = clock;
    }

    @Option(names = "--in", required = true, description = "Sealed file (.p7m, DER/BER).")
    Path in;

    @Option(names = "--key", required = true, description = "Recipient's private key (PEM PKCS#8; if encrypted, the password is read from"
            + " the environment variable SAFEGATE_KEY_PASSWORD).")
    Path key;

    @Option(names = "--cert", required = true, description = "Recipient's certificate (PEM).")
    Path cert;

    @Option(names = "--ca", required = true, description = "Trust anchor(s) for the signer (PEM); *.crl files"
            + " in the same directory are used for revocation.")
    Path ca;

    @Option(names = "--crl", description = "Additional CRL (PEM or DER); may be repeated.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--crl-not-required", description = "The CA in --ca publishes no CRL: check what it issued"
            + " without one. Otherwise a CA without a current CRL leaves the signer's status unknown (exit 3).")
    boolean crlNotRequired;

    @Option(names = "--signer", description = "Require exactly this signer certificate (PEM).")
    Path signer;

    @Option(names = "--out", required = true, description = "Output file; must not exist.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var recipient = PemFiles.readIdentity(key, cert, Trust.keyPassword());
        var expected = signer == null ? null : PemFiles.readCertificate(signer);
        Opener opener = new Opener(recipient, Trust.verifier(ca, crls, crlNotRequired), clock);
        OpenedFile opened = opener.open(in, out, expected);
        var stdout = spec.commandLine().getOut();
        stdout.println("signed by: " + OpenedFile.describe(opened.signer()));
        stdout.println("signing time: " + opened.signingTime().map(Object::toString).orElse("not stated"));
        // a file its sender signed before the gateway sealed it: both signatures were verified
        opened.sender().ifPresent(sender -> stdout.println("sender signed by: " + OpenedFile.describe(sender)));
        stdout.println("verified " + opened.size() + " bytes written to " + out);
        return ExitCodes.OK;
    }
}
