package org.safegate.policy;

import java.time.Instant;
import java.util.Objects;

/** A security officer's revocation of an agency's access, in force until reinstated. */
public record Revocation(String agency, Instant at, String by, String reason) {
    public Revocation {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
    }
}
