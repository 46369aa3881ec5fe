package org.safegate.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A file that was opened and verified: who signed it, when they say they signed it (the signed
 * signingTime attribute, if present), and how many content bytes it held.
 */
public record OpenedFile(X509Certificate signer, Optional<Instant> signingTime, long size) {

    /** The signer certificate's subject. */
    public String signerSubject() {
        return signer.getSubjectX500Principal().getName();
    }
}
