package org.safegate.audit;

import java.util.Optional;
import org.safegate.tlog.CompactRange;

/**
 * The outcome of verifying a log.
 *
 * @param events       events checked before stopping
 * @param checkpoints  checkpoint signatures checked
 * @param lastSequence the last event checked and found intact (0 when none)
 * @param lastHash     its hash: where a following archive or store must link on
 * @param problem      the first problem, empty when the log is intact
 * @param tree         the Merkle tree's edge after the last event checked
 * @param witnessed    witness checkpoints the log was checked against
 */
public record VerificationResult(long events, long checkpoints, long lastSequence, String lastHash,
                                 Optional<Tamper> problem, CompactRange tree, long witnessed) {

    public boolean isIntact() {
        return problem.isEmpty();
    }

    /** True when the only thing wrong is that the checkpoints are signed by another key than the one given. */
    public boolean isOtherKey() {
        return problem.map(p -> p.kind() == TamperKind.SIGNED_BY_OTHER_KEY).orElse(false);
    }
}
