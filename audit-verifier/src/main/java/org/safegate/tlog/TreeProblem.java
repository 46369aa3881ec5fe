package org.safegate.tlog;

/**
 * What is wrong between a log's leaves and its signed checkpoints or its witnesses.
 *
 * @param kind     what kind of problem
 * @param sequence the event (1-based leaf number) it concerns
 * @param detail   a sentence for the person reading the report
 * @param witness  the witness file that shows it, or {@code null}
 */
public record TreeProblem(Kind kind, long sequence, String detail, String witness) {

    public enum Kind {
        /** Events after the last signed checkpoint: nothing signed vouches for them. */
        UNCOVERED,
        /** A checkpoint names a previous one that is not there. */
        CHECKPOINT_MISSING,
        /** The leaves do not hash to the root a checkpoint signed: rewritten after signing. */
        INCONSISTENT,
        /** A checkpoint's signature does not verify, or the checkpoint cannot be read. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A signed checkpoint covers more leaves than the log has. */
        TRUNCATED,
        /** A witness saw a larger tree than the log now has. */
        ROLLED_BACK,
        /** A witness saw another root at a size the log has. */
        FORKED,
        /** The checkpoints are signed by a key other than the one given. */
        OTHER_KEY
    }
}
