package org.safegate.policy;

import java.util.Objects;

/** One failed rule: its code and a sentence naming the finding, CAP item or date involved. */
public record Reason(ReasonCode code, String message) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
