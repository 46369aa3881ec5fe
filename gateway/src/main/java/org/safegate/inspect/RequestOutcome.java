package org.safegate.inspect;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of one request record: under which agreement, from which requester, its id, when it
 * was inspected, and whether it passed (in a file that was not quarantined).
 */
public record RequestOutcome(String agreementId, String requester, String requestId, Instant inspectedAt,
                             boolean passed) {
    public RequestOutcome {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(inspectedAt, "inspectedAt");
    }
}
