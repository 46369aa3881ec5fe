package org.safegate.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Revocations held in memory only: for tests and one-shot commands. Lost when the process ends. */
public final class InMemoryRevocations implements Revocations {
    private final Map<String, Revocation> revoked = new ConcurrentHashMap<>();
    private final Map<String, AgreementRevocation> revokedAgreements = new ConcurrentHashMap<>();

    @Override
    public Optional<Revocation> inForce(String agency) {
        return Optional.ofNullable(revoked.get(agency));
    }

    @Override
    public void revoke(Revocation revocation) {
        revoked.put(revocation.agency(), revocation);
    }

    @Override
    public boolean reinstate(String agency) {
        return revoked.remove(agency) != null;
    }

    @Override
    public Optional<AgreementRevocation> agreementInForce(String agreement) {
        return Optional.ofNullable(revokedAgreements.get(agreement));
    }

    @Override
    public void revokeAgreement(AgreementRevocation revocation) {
        revokedAgreements.put(revocation.agreement(), revocation);
    }

    @Override
    public boolean reinstateAgreement(String agreement) {
        return revokedAgreements.remove(agreement) != null;
    }
}
