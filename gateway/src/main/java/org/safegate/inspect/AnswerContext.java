package org.safegate.inspect;

import java.time.Instant;
import java.util.Objects;
import org.safegate.policy.model.Agreement;

/**
 * What an answer file is filtered against: the agreement it came under, the agency the answers
 * would go to (the requester), and when the answers arrived.
 */
public record AnswerContext(Agreement agreement, String recipient, Instant answeredAt) {
    public AnswerContext {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    /** Answers under an agreement go to its recipient, who made the requests. */
    public static AnswerContext of(Agreement agreement, Instant answeredAt) {
        return new AnswerContext(agreement, agreement.recipient(), answeredAt);
    }
}
