package org.safegate.audit;

import java.util.Optional;

/**
 * The outcome of verifying a chain.
 *
 * @param events       events checked before stopping
 * @param checkpoints  checkpoint signatures checked
 * @param lastSequence the last event checked and found intact (0 when none)
 * @param lastHash     its hash: where a following archive or store must link on
 * @param problem      the first problem, empty when the chain is intact
 */
public record VerificationResult(long events, long checkpoints, long lastSequence, String lastHash,
                                 Optional<Tamper> problem) {

    public boolean isIntact() {
        return problem.isEmpty();
    }
}
