package org.safegate.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A security officer's revocation of one agreement, in force until reinstated: no file moves under
 * it, while the agencies' other agreements still decide as before.
 */
public record AgreementRevocation(String agreement, Instant at, String by, String reason) {
    public AgreementRevocation {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
    }
}
