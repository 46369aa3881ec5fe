package org.safegate.audit;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * A chain to verify, from a store or an export.
 *
 * @param anchorSequence the sequence number just before the first event (0 for a chain that starts at genesis)
 * @param anchorHash     the hash the first event must link to ({@link CanonicalEncoding#GENESIS} at genesis)
 * @param events         the events in stored order (not re-sorted: order is part of what is checked)
 * @param checkpoints    the checkpoints, in sequence order
 * @param expectedHead   the last sequence number the source claims to hold, when it records one
 */
public record ChainInput(long anchorSequence, String anchorHash, Iterator<AuditEvent> events,
                         List<Checkpoint> checkpoints, OptionalLong expectedHead) {
}
