package org.safegate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Stands in for the safeguard-event and transfer-queue services where a gateway has none: every
 * call answers 503 NOT_AVAILABLE, so nothing is changed and the client is told why.
 */
public final class UnavailableServices implements SafeguardEvents, TransferQueue {

    @Override
    public SafeguardChange record(String agencyId, JsonNode event, String operator) {
        throw unavailable("recording safeguard events");
    }

    @Override
    public List<QueuedTransfer> list(State state) {
        throw unavailable("listing held and quarantined transfers");
    }

    @Override
    public QueuedTransfer release(String transferId, String operator) {
        throw unavailable("releasing transfers");
    }

    private static ApiProblem unavailable(String what) {
        return new ApiProblem(ApiProblem.Kind.UNAVAILABLE, "NOT_AVAILABLE", what + " is not available in this gateway",
                null);
    }
}
