package org.safegate.audit;

/** What the verifier found wrong with the first bad event. */
public enum TamperKind {
    /** The event's content no longer matches the hash the chain committed to. */
    ALTERED,
    /** An event is missing: the chain skips from the one before to the one after. */
    REMOVED,
    /** An event that was never appended sits in the chain. */
    INSERTED,
    /** Two events swapped places. */
    REORDERED,
    /** Events at the end are gone: the head or a signed checkpoint names events that are not there. */
    TRUNCATED,
    /** A checkpoint's signature does not verify with the audit certificate. */
    CHECKPOINT_SIGNATURE_INVALID
}
