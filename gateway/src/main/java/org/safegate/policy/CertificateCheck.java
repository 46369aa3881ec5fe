package org.safegate.policy;

import java.time.LocalDate;
import java.util.List;
import org.safegate.policy.model.Agency;

/**
 * Checks the certificate the gateway would encrypt to when delivering to an agency.
 * Implementations must fail closed: a certificate that cannot be read is a reason, not a pass.
 */
public interface CertificateCheck {

    /** Every problem with the agency's encryption certificate on the day; empty when usable. */
    List<Reason> check(Agency recipient, LocalDate day);
}
