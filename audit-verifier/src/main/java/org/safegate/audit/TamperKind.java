package org.safegate.audit;

/** What the verifier found wrong. */
public enum TamperKind {
    /** The event's content no longer matches the hash the chain committed to. */
    ALTERED,
    /** An event is missing: the chain skips from the one before to the one after. */
    REMOVED,
    /** An event that was never appended sits in the chain. */
    INSERTED,
    /** Two events swapped places. */
    REORDERED,
    /** Events at the end are gone: the head, a signed checkpoint or an export's seal names events that are not there. */
    TRUNCATED,
    /** A checkpoint's signature does not verify with the audit certificate. */
    CHECKPOINT_SIGNATURE_INVALID,
    /** Events that no signed checkpoint covers: nothing vouches for them. */
    UNCOVERED,
    /** A checkpoint is gone from the sequence of checkpoints. */
    CHECKPOINT_MISSING,
    /** The events do not hash to the root a signed checkpoint states: rewritten after it was signed. */
    INCONSISTENT,
    /** A witness (a receipt, an agency's checkpoint) saw a larger log than the one there now. */
    ROLLED_BACK,
    /** A witness saw another log at a size this log has. */
    FORKED,
    /** An export's header does not say what its seal signed. */
    HEADER_ALTERED,
    /** Everything is signed by a key other than the certificate's: not evidence of tampering, a wrong certificate. */
    SIGNED_BY_OTHER_KEY;

    /** The first word of a failed verification: what an operator or a script looks for. */
    public String headline() {
        return switch (this) {
            case ROLLED_BACK -> "ROLLED BACK";
            case FORKED -> "FORKED";
            case TRUNCATED -> "TRUNCATED";
            default -> "TAMPERED";
        };
    }

    /** How reports name it: lower case words ({@code checkpoint missing}); the witness kinds in capitals. */
    public String label() {
        return this == ROLLED_BACK || this == FORKED ? name().replace('_', ' ')
                : name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
