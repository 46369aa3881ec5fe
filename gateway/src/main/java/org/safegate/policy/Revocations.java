package org.safegate.policy;

import java.util.Optional;

/**
 * The revocations in force, of whole agencies and of single agreements. Every decision reads it afresh (nothing is cached), so a revocation
 * takes effect on the very next decision.
 */
public interface Revocations {

    /** The revocation in force for the agency, if any. */
    Optional<Revocation> inForce(String agency);

    /** Revokes the agency's access; replaces any earlier revocation of it. */
    void revoke(Revocation revocation);

    /** Lifts the agency's revocation; returns whether one was in force. */
    boolean reinstate(String agency);

    /** The revocation in force for the single agreement, if any. */
    Optional<AgreementRevocation> agreementInForce(String agreement);

    /** Revokes one agreement; replaces any earlier revocation of it. */
    void revokeAgreement(AgreementRevocation revocation);

    /** Lifts the agreement's revocation; returns whether one was in force. */
    boolean reinstateAgreement(String agreement);
}
