package org.safegate.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file that was opened and verified: who signed it, when they say they signed it (the signed
 * signingTime attribute, if present), and how many content bytes it held. When what was signed
 * was itself a signed file (a sender signed first, the gateway sealed that on), {@code sender} is
 * the verified inner signer and {@code size} counts the innermost content.
 */
public record OpenedFile(X509Certificate signer, Optional<Instant> signingTime, long size,
                         Optional<X509Certificate> sender) {

    public OpenedFile {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(sender, "sender");
    }

    /** A file with one signature. */
    public OpenedFile(X509Certificate signer, Optional<Instant> signingTime, long size) {
        this(signer, signingTime, size, Optional.empty());
    }

    /** The signer certificate's subject. */
    public String signerSubject() {
        return signer.getSubjectX500Principal().getName();
    }

    /** Which certificate: its subject, serial number and issuer. */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (certificate serial "
                + certificate.getSerialNumber().toString(16) + ", issued by "
                + certificate.getIssuerX500Principal().getName() + ")";
    }
}
