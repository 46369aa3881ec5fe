package org.safegate.recall;

import java.time.Instant;
import java.util.List;

/**
 * One delivery a recall asks its holder to dispose of: a delivery in the recall's scope or an
 * onward delivery (redisclosure, at any depth) of the same data.
 *
 * @param transfer      the delivery's transfer id
 * @param holder        the agency that received it
 * @param agreement     the agreement it was delivered under
 * @param deliveredName the name it was delivered under in the holder's inbox
 * @param sha256        the payload's digest as the audit log records it ({@code sha256:<hex>})
 * @param deliveredAt   when it was delivered
 * @param parent        the delivery it passed on, for a redisclosure; {@code null} for a delivery in scope
 * @param recordIds     for an answer file recalled by request id, the records concerned; empty: the whole file
 * @param state         open until its holder certifies disposal (certified) or an officer closes it (closed)
 * @param closure       who closed the item, when and why; {@code null} unless an officer closed it
 */
public record RecallItem(String transfer, String holder, String agreement, String deliveredName, String sha256,
                         Instant deliveredAt, String parent, List<String> recordIds, State state,
                         RecallClosure closure) {
    public RecallItem {
        recordIds = List.copyOf(recordIds);
    }

    /** An item no officer closed. */
    public RecallItem(String transfer, String holder, String agreement, String deliveredName, String sha256,
                      Instant deliveredAt, String parent, List<String> recordIds, State state) {
        this(transfer, holder, agreement, deliveredName, sha256, deliveredAt, parent, recordIds, state, null);
    }

    /** Where an item stands; stored by name. */
    public enum State {
        OPEN, CERTIFIED, CLOSED
    }
}
