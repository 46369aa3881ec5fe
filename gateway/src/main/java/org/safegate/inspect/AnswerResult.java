package org.safegate.inspect;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.safegate.inspect.rules.AnswerCode;

/** The audit counts of an answer file: records that arrived, were released, were withheld and why. */
public record AnswerResult(long arrived, long released, long withheld, Map<AnswerCode, Long> withheldByReason) {
    public AnswerResult {
        EnumMap<AnswerCode, Long> copy = new EnumMap<>(AnswerCode.class);
        copy.putAll(withheldByReason);
        withheldByReason = Collections.unmodifiableMap(copy);
        if (arrived != released + withheld) {
            throw new IllegalArgumentException("arrived must be released + withheld");
        }
    }

    public long withheldFor(AnswerCode code) {
        return withheldByReason.getOrDefault(code, 0L);
    }
}
