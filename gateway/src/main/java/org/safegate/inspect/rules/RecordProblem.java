package org.safegate.inspect.rules;

import java.util.Objects;

/** One rule a request record fails: its code and a sentence a requester can act on. */
public record RecordProblem(RequestCode code, String sentence) {
    public RecordProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sentence, "sentence");
    }

    @Override
    public String toString() {
        return code + ": " + sentence;
    }
}
