package org.safegate.transfer;

import java.util.Objects;

/** Why a file cannot be taken as it is: a stable code and a sentence naming the file and the rule. */
public record Refusal(RefusalCode code, String message) {
    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
