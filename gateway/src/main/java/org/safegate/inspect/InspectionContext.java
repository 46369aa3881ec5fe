package org.safegate.inspect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.safegate.policy.model.Agreement;

/**
 * What a request file is inspected against: the agreement it came under (its authority and its
 * recipient, who is the requester) and when it arrived (periods may not be later than that year).
 */
public record InspectionContext(Agreement agreement, Instant receivedAt) {
    public InspectionContext {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The agency that asks: the agreement's recipient, who will receive the answers. */
    public String requester() {
        return agreement.recipient();
    }

    /** The day periods are judged on (UTC). */
    public LocalDate evaluationDay() {
        return LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
    }
}
