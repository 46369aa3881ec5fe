package org.safegate.inspect;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PassedRequests} in a map, for tests and the demo. It holds every id in memory and forgets
 * them on restart; the store-backed implementation comes with the routes.
 */
public final class InMemoryPassedRequests implements PassedRequests {
    private final Map<String, RequestOutcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public void record(RequestOutcome outcome) {
        outcomes.merge(key(outcome.agreementId(), outcome.requestId()), outcome,
                (earlier, later) -> earlier.passed() && !later.passed() ? earlier : later);
    }

    @Override
    public Optional<RequestOutcome> find(String agreementId, String requestId) {
        return Optional.ofNullable(outcomes.get(key(agreementId, requestId)));
    }

    private static String key(String agreementId, String requestId) {
        // the NUL cannot occur in an agreement id, so distinct pairs give distinct keys
        return agreementId + '\u0000' + requestId;
    }
}
