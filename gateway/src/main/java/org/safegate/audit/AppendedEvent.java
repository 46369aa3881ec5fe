package org.safegate.audit;

import org.safegate.tlog.InclusionProof;

/**
 * What {@link AuditLog#append} returns once the event is durable: its place in the chain, its
 * hash, and its inclusion proof against the signed checkpoint committed with it, which a caller
 * may put in a receipt.
 */
public record AppendedEvent(long sequence, String hash, InclusionProof proof) {
}
