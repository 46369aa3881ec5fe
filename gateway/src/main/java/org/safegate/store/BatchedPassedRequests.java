package org.safegate.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.inspect.PassedRequests;
import org.safegate.inspect.RequestOutcome;

/**
 * Collects the outcomes of one request file while it is inspected. They are staged in batches (one
 * transaction per batch, memory bounded by the batch size) and moved into the outcomes answers are
 * checked against, in key order and in one transaction, when {@link #flush} says the file is done.
 * Until then no outcome of the file is visible, which is safe: an unrecorded request cannot release
 * an answer. A run that stops half way leaves its staged outcomes behind; inspecting the same
 * transfer again ({@link #begin}) drops them first.
 */
public final class BatchedPassedRequests implements PassedRequests {
    private static final int BATCH = 5_000;

    private final StoredPassedRequests store;
    private final String inspection;
    private final List<RequestOutcome> pending = new ArrayList<>(BATCH);

    private BatchedPassedRequests(StoredPassedRequests store, String inspection) {
        this.store = store;
        this.inspection = inspection;
    }

    /** Starts collecting the outcomes of the inspection {@code inspection} (a transfer id), dropping what an earlier attempt staged. */
    public static BatchedPassedRequests begin(StoredPassedRequests store, String inspection) {
        store.dropStaged(inspection);
        return new BatchedPassedRequests(store, inspection);
    }

    @Override
    public void record(RequestOutcome outcome) {
        pending.add(outcome);
        if (pending.size() >= BATCH) {
            stagePending();
        }
    }

    @Override
    public Optional<RequestOutcome> find(String agreementId, String requestId) {
        flush();
        return store.find(agreementId, requestId);
    }

    /** Makes every outcome recorded so far visible. */
    public void flush() {
        stagePending();
        store.commitStaged(inspection);
    }

    private void stagePending() {
        if (!pending.isEmpty()) {
            store.stage(inspection, pending);
            pending.clear();
        }
    }
}
