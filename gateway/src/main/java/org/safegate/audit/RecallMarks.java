package org.safegate.audit;

import java.util.Optional;

/**
 * How each delivery stands against the recalls of its data, for the accounting of disclosures. The
 * audit log knows nothing of recalls (they are read from the audit log, so the dependency runs the
 * other way): whoever asks for the report says how each delivery stands.
 */
@FunctionalInterface
public interface RecallMarks {
    /** No delivery is an item of a recall: the accounting counts no recalled delivery. */
    RecallMarks NONE = transfer -> Optional.empty();

    /**
     * Over all the items of a delivery: {@code OPEN} while one is open; {@code DISPOSED} when its
     * holder certified disposal of every one; {@code CLOSED} when none is open and an officer
     * closed at least one.
     */
    enum Mark {
        OPEN, DISPOSED, CLOSED
    }

    /** Empty when the delivery is an item of no recall. */
    Optional<Mark> of(String transfer);
}
