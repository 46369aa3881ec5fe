package org.safegate.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Revocations held in memory only: for tests and one-shot commands. Lost when the process ends. */
public final class InMemoryRevocations implements Revocations {
    private final Map<String, Revocation> revoked = new ConcurrentHashMap<>();

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
}
