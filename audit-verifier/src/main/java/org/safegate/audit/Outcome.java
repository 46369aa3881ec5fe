package org.safegate.audit;

/** Pub 1075's "success or failure" of the audited action. */
public enum Outcome {
    SUCCESS,
    FAILURE
}
