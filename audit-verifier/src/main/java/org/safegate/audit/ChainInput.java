package org.safegate.audit;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.Witness;

/**
 * A log to verify, from a store or an export.
 *
 * @param anchorSequence  the sequence number just before the first event (0 for a log that starts at genesis)
 * @param anchorHash      the hash the first event must link to ({@link CanonicalEncoding#GENESIS} at genesis)
 * @param anchorTree      the Merkle tree's edge at the anchor (empty at genesis)
 * @param events          the events in stored order (not re-sorted: order is part of what is checked)
 * @param checkpoints     chain-head checkpoints of the first log format, in sequence order (none since)
 * @param treeHeads       the signed checkpoint notes, in tree-size order
 * @param expectedHead    the last sequence number the source claims to hold, when it records one
 * @param witnesses       checkpoints held outside the log that it must still contain
 * @param requireCoverage true when every event must be covered by a checkpoint in {@code treeHeads}
 */
public record ChainInput(long anchorSequence, String anchorHash, CompactRange anchorTree, Iterator<AuditEvent> events,
                         List<Checkpoint> checkpoints, Iterator<String> treeHeads, OptionalLong expectedHead,
                         List<Witness> witnesses, boolean requireCoverage) {

    public ChainInput {
        checkpoints = List.copyOf(checkpoints);
        witnesses = List.copyOf(witnesses);
    }

    /** A log from genesis with nothing but its events and their checkpoints. */
    public static ChainInput of(Iterator<AuditEvent> events, Iterator<String> treeHeads) {
        return new ChainInput(0, CanonicalEncoding.GENESIS, new CompactRange(), events, List.of(), treeHeads,
                OptionalLong.empty(), List.of(), true);
    }

    static Iterator<String> none() {
        return Collections.emptyIterator();
    }
}
