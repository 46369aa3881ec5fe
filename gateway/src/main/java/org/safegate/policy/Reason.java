package org.safegate.policy;

import java.util.Objects;

/**
 * One failed rule: its code and a sentence naming the finding, CAP item or date involved. The
 * {@code message} is for the gateway's operators ({@code policy check}, the API, the log); {@code shared}
 * is what a receipt tells another agency, without internal reasons or local paths (the same
 * sentence unless the rule says otherwise).
 */
public record Reason(ReasonCode code, String message, String shared) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(shared, "shared");
    }

    /** A reason whose sentence may be read by anyone. */
    public Reason(ReasonCode code, String message) {
        this(code, message, message);
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
