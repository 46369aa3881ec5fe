package org.safegate.policy;

import java.time.LocalDate;
import java.util.List;
import org.safegate.policy.model.Agency;

/**
 * Checks the certificate the gateway would encrypt to when delivering to an agency.
 * Implementations must fail closed: a certificate that does not exist or cannot be read is a
 * reason, not a pass; one that cannot be obtained at the moment (the key provider is unavailable)
 * throws, so the caller holds the transfer rather than decide it.
 */
public interface CertificateCheck {

    /** Every problem with the agency's encryption certificate on the day; empty when usable. */
    List<Reason> check(Agency recipient, LocalDate day);
}
