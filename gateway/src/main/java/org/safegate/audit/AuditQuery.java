package org.safegate.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which events to read. Every filter is optional; an empty query selects the whole log.
 *
 * @param agency    events where the agency is actor, provider or recipient
 * @param agreement events under this agreement
 * @param types     events of these types (empty: all)
 * @param reason    events whose decision carries this reason code
 * @param from      events at or after this instant
 * @param to        events before this instant
 * @param transfer  events about this transfer
 */
public record AuditQuery(Optional<String> agency, Optional<String> agreement, Set<AuditEventType> types,
                         Optional<String> reason, Optional<Instant> from, Optional<Instant> to,
                         Optional<String> transfer) {
    public static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(), Set.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public AuditQuery {
        types = Set.copyOf(types);
    }

    /** True when the query selects a contiguous stretch of the chain (only a time range, if anything). */
    public boolean isContiguous() {
        return agency.isEmpty() && agreement.isEmpty() && types.isEmpty() && reason.isEmpty() && transfer.isEmpty();
    }
}
