package org.safegate.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with the certificate that carries its public half. Used to sign (a sender's or
 * the gateway's signing identity) or to decrypt (a recipient's encryption identity).
 *
 * <p>{@link #toString()} names the certificate subject only; the key never appears in text.
 */
public record Identity(PrivateKey privateKey, X509Certificate certificate) {

    public Identity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The certificate's subject, for messages. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "Identity[" + subject() + "]";
    }
}
