package org.safegate.keys.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Vault token and its lease as Vault stated it (auth.lease_duration and auth.renewable of a
 * login or renewal answer). A lease of zero means Vault gave none (a token from the environment,
 * or one that never expires): such a token is used as it is.
 *
 * @param value     the token; never logged, never in a message ({@link #toString()} leaves it out)
 * @param lease     how long it works from {@code obtained}
 * @param renewable whether auth/token/renew-self can extend it further
 * @param obtained  when the login or renewal that stated the lease was answered
 */
record VaultToken(String value, Duration lease, boolean renewable, Instant obtained) {

    VaultToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(obtained, "obtained");
    }

    /** A token with no lease known to the gateway. */
    static VaultToken unleased(String value, Instant now) {
        return new VaultToken(value, Duration.ZERO, false, now);
    }

    /**
     * Whether it is time to renew it or log in again: at two thirds of the lease, as Vault's own
     * clients do, so a slow or failed attempt still leaves a third of the lease to try again in.
     */
    boolean refreshDue(Instant now) {
        return !lease.isZero() && !now.isBefore(obtained.plus(lease.multipliedBy(2).dividedBy(3)));
    }

    /** Whether Vault no longer accepts it (by its stated lease; Vault may also revoke it earlier). */
    boolean expired(Instant now) {
        return !lease.isZero() && !now.isBefore(obtained.plus(lease));
    }

    @Override
    public String toString() {
        return "VaultToken[lease=" + lease + ", renewable=" + renewable + ", obtained=" + obtained + "]";
    }
}
