package org.safegate.operator;

import java.time.Instant;
import java.util.List;
import org.safegate.SafegateException;

/** Transfers that have not been delivered: held for retry, or quarantined (denied or quarantined). */
public interface TransferQueue {
    enum State { HELD, QUARANTINED }

    /** A transfer waiting on an operator or a retry. */
    record QueuedTransfer(String id, State state, String sender, String agreement, String name, Instant since,
                          List<String> reasons) {
        public QueuedTransfer {
            reasons = List.copyOf(reasons);
        }
    }

    List<QueuedTransfer> list(State state);

    /**
     * Sends a transfer through the pipeline again, decided afresh: a held file is retried now; a
     * quarantined original goes back to its sender's outbox under its agreement. Audited.
     *
     * @throws SafegateException NOT_FOUND for an unknown id; CONFLICT when it can no longer be
     *                           released (already released, or its original's place in the outbox is taken),
     *                           or when releasing it would only quarantine it again (misplaced, empty,
     *                           malformed): the message says what to do instead
     */
    QueuedTransfer release(String transferId, String operator);
}
