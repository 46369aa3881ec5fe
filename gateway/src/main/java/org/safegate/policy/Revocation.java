package org.safegate.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A security officer's revocation of an agency's access, in force until reinstated. The
 * {@code reason} is internal (the audit log, the operators' views); the {@code notice}, when the
 * officer gave one, is what other agencies read in their receipts.
 */
public record Revocation(String agency, Instant at, String by, String reason, Optional<String> notice) {
    public Revocation {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(notice, "notice");
    }

    /** A revocation whose reason is for the gateway's operators only. */
    public Revocation(String agency, Instant at, String by, String reason) {
        this(agency, at, by, reason, Optional.empty());
    }

    /** The sentence a receipt gives for it: the notice, or a standard one that names no one. */
    public String shared() {
        return agency + "'s access was revoked by a security officer" + notice.map(n -> ": " + n).orElse("");
    }
}
