package org.safegate.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.crypto.Purpose;
import org.safegate.crypto.Sealer;
import org.safegate.keys.Identity;
import org.safegate.keys.PemFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code safegate seal}: sign, then encrypt a file for one recipient. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = "Sign a file, then encrypt it to a recipient certificate (CMS, AES-256-GCM, RSA-OAEP).")
final class SealCommand implements Callable<Integer> {
    private final Clock clock;

    SealCommand(Clock clock) {
        this.clock = clock;
    }

    @Option(names = "--in", required = true, description = "File to seal.")
    Path in;

    @Option(names = "--to", required = true, description = "Recipient's encryption certificate (PEM).")
    Path to;

    @Option(names = "--sign-key", required = true, description = "Sender's signing private key (PEM PKCS#8; if encrypted, the password is read from"
            + " the environment variable SAFEGATE_KEY_PASSWORD).")
    Path signKey;

    @Option(names = "--sign-cert", required = true, description = "Sender's signing certificate (PEM).")
    Path signCert;

    @Option(names = "--ca", description = "Trust anchor (PEM); when given, the recipient certificate must chain to it"
            + " and not be expired or revoked (CRLs next to it are used).")
    Path ca;

    @Option(names = "--crl-not-required", description = "The CA in --ca publishes no CRL: check the recipient"
            + " certificate without one. Otherwise a CA without a current CRL leaves its status unknown (exit 3).")
    boolean crlNotRequired;

    @Option(names = "--out", required = true, description = "Sealed output file (.p7m); must not exist.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Identity signer = PemFiles.readIdentity(signKey, signCert, Trust.keyPassword());
        X509Certificate recipient = PemFiles.readCertificate(to);
        if (ca != null) {
            Trust.verifier(ca, List.of(), crlNotRequired).require(recipient, clock.instant(), Purpose.ENCRYPTION);
        }
        new Sealer(signer, clock).seal(in, out, recipient);
        spec.commandLine().getOut().println("sealed " + in + " for " + recipient.getSubjectX500Principal().getName()
                + ", signed by " + signer.subject() + ": " + out);
        return ExitCodes.OK;
    }
}
