package org.safegate.policy.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One of an operator's API tokens as the operator file lists it: its name, the Shiro hash of its
 * secret (never the secret), and the day it stops working, if the file says.
 *
 * @param expires the token works until the start of this day (UTC), not on it; empty when the file
 *                gives no date, and then the gateway's token lifetime alone decides
 */
public record ApiTokenHash(String name, String hash, Optional<LocalDate> expires) {
    public ApiTokenHash {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(expires, "expires");
    }

    /** The first instant the token no longer works by its file's date, if it has one. */
    public Optional<Instant> expiresAt() {
        return expires.map(day -> day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Override
    public String toString() {
        return "ApiTokenHash[" + name + ", expires=" + expires.map(LocalDate::toString).orElse("none") + "]";
    }
}
