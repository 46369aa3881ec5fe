package org.safegate.transfer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safegate.audit.AppendedEvent;
import org.safegate.tlog.InclusionProof;

/**
 * Inclusion proofs of outcomes just recorded, kept until their receipt is written, so the receipt
 * needs no read of the store. Bounded: a receipt never written in this run (the gateway stopped)
 * gets its proof from the store when the run after resumes it.
 */
final class RecentProofs {
    private static final int KEPT = 10_000;

    private final Map<String, InclusionProof> byTransfer = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InclusionProof> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void keep(AppendedEvent appended) {
        InclusionProof proof = appended == null ? null : appended.proof();
        if (proof != null && proof.transfer() != null) {
            byTransfer.put(proof.transfer(), proof);
        }
    }

    /** Keeps the event's proof for the receipt of {@code receiptTransfer} (a certificate's receipt proves an item's event). */
    synchronized void keep(String receiptTransfer, AppendedEvent appended) {
        if (appended != null && appended.proof() != null) {
            byTransfer.put(receiptTransfer, appended.proof());
        }
    }

    synchronized InclusionProof take(String transferId) {
        return byTransfer.remove(transferId);
    }
}
