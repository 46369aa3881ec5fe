package org.safegate.inspect;

import java.util.Optional;

/**
 * The gateway's memory of inspected requests, which decides whether an answer may leave.
 * The inspector records every request id it saw (refused, or passed in a file that was not
 * quarantined); the answer filter looks answers up.
 *
 * <p>Security guarantee expected of an implementation: {@link #find} returns a passed outcome only
 * for an id recorded as passed under that agreement; once an id has passed, a later refusal of the
 * same id does not take that back (the data holder may already be answering it), but a later pass
 * renews its time.
 *
 * <p>{@link InMemoryPassedRequests} serves tests and the demo; a store-backed implementation
 * (JDBC, shared by gateway nodes) comes with the routes.
 */
public interface PassedRequests {
    /** Remembers an outcome. */
    void record(RequestOutcome outcome);

    /** The outcome of a request id under an agreement, if one was recorded. */
    Optional<RequestOutcome> find(String agreementId, String requestId);
}
