package org.safegate.inspect.rules;

/** Why an answer record was withheld from the requester. */
public enum AnswerCode {
    /** No request with this id went through the gateway under this agreement (or the id is empty). */
    REQUEST_UNKNOWN,
    /** The request was refused, or its file was quarantined: it never reached the data holder. */
    REQUEST_REFUSED,
    /** The request passed, but longer ago than the agreement's answer window. */
    ANSWER_WINDOW_EXPIRED,
    /** The request came from another agency than the one the answer would go to. */
    REQUESTER_MISMATCH
}
