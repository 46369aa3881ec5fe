package org.safegate.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A security officer's revocation of one agreement, in force until reinstated: no file moves under
 * it, while the agencies' other agreements still decide as before. As for {@link Revocation}, the
 * reason is internal and the notice is what the agencies read in their receipts.
 */
public record AgreementRevocation(String agreement, Instant at, String by, String reason, Optional<String> notice) {
    public AgreementRevocation {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(notice, "notice");
    }

    /** A revocation whose reason is for the gateway's operators only. */
    public AgreementRevocation(String agreement, Instant at, String by, String reason) {
        this(agreement, at, by, reason, Optional.empty());
    }

    /** The sentence a receipt gives for it: the notice, or a standard one that names no one. */
    public String shared() {
        return "agreement " + agreement + " was revoked by a security officer" + notice.map(n -> ": " + n).orElse("");
    }
}
