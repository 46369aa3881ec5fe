package org.safegate.admin;

import java.time.Instant;
import java.util.List;
import org.safegate.policy.Reason;

/** The shapes that agencies, agreements and the policy status share: why something is not allowed, and a revocation. */
final class StandingBodies {
    private StandingBodies() {
    }

    /** A reason code and its sentence. */
    record ReasonBody(String code, String message) {
        static List<ReasonBody> of(List<Reason> reasons) {
            return reasons.stream().map(r -> new ReasonBody(r.code().name(), r.message())).toList();
        }
    }

    /** A revocation in force: when, by whom, why. */
    /** {@code reason} is internal; {@code notice} ({@code null} when none) is what other agencies read. */
    record RevocationBody(String at, String by, String reason, String notice) {
        static RevocationBody of(Instant at, String by, String reason, java.util.Optional<String> notice) {
            return new RevocationBody(at.toString(), by, reason, notice.orElse(null));
        }
    }
}
