package org.safegate.recall;

import java.time.Instant;

/**
 * A security officer's closing of a recall item without a certificate of disposal.
 *
 * @param closedBy the operator (also the actor of the {@code RECALL_ITEM_CLOSED} event)
 * @param closedAt when
 * @param reason   why the item is closed without a certificate
 */
public record RecallClosure(String closedBy, Instant closedAt, String reason) {
}
