package org.safegate.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.safegate.audit.AuditEventType;

/** How many files reached each outcome since the gateway was opened: the summary on stop and of {@code run --once}. */
public final class RunOutcomes {
    /** An outcome a file reaches, by the audit event that records it. */
    enum Outcome {
        DELIVERED, DENIED, QUARANTINED;

        static Outcome of(AuditEventType type) {
            return switch (type) {
                case TRANSFER_DELIVERED, REDISCLOSURE -> DELIVERED;
                case TRANSFER_DENIED -> DENIED;
                case TRANSFER_QUARANTINED -> QUARANTINED;
                default -> null;
            };
        }
    }

    private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);

    RunOutcomes() {
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new AtomicLong());
        }
    }

    void count(Outcome outcome) {
        counts.get(outcome).incrementAndGet();
    }

    /** The counts now, with the files held now. */
    public Summary summary(int held) {
        return new Summary(counts.get(Outcome.DELIVERED).get(), counts.get(Outcome.DENIED).get(),
                counts.get(Outcome.QUARANTINED).get(), held);
    }

    /** Files by outcome; held files have none yet. */
    public record Summary(long delivered, long denied, long quarantined, long held) {
        public long files() {
            return delivered + denied + quarantined + held;
        }

        /** {@code 12 files: 9 delivered, 2 denied, 1 quarantined, 0 held}. */
        public String text() {
            return files() + (files() == 1 ? " file: " : " files: ") + delivered + " delivered, " + denied + " denied, "
                    + quarantined + " quarantined, " + held + " held";
        }
    }
}
