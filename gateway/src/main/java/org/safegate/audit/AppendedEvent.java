package org.safegate.audit;

/**
 * What {@link AuditLog#append} returns once the event is durable: its place in the chain and its
 * hash, which a caller may put in a receipt.
 */
public record AppendedEvent(long sequence, String hash) {
}
