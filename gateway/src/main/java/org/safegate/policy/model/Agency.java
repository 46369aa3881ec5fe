package org.safegate.policy.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A party to agreements: it sends from its outbox and receives into its inbox.
 *
 * @param certificate        the certificate the gateway encrypts to when delivering to this agency
 * @param signingCertificate when present, the certificate the agency's signed input must carry
 */
public record Agency(
        String id,
        String name,
        Reference certificate,
        Optional<Reference> signingCertificate,
        Endpoint outbox,
        Endpoint inbox,
        Source source) {

    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(inbox, "inbox");
    }
}
