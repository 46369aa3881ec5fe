package org.safegate.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.inspect.PassedRequests;
import org.safegate.inspect.RequestOutcome;

/**
 * Collects the outcomes of one request file and writes them to the store in batches (one
 * transaction per batch), so a file of a million requests is not a million transactions. Memory is
 * bounded by the batch size. {@link #flush} must be called when the file is done; until then the
 * outcomes are not visible to answers, which is safe: an unrecorded request cannot release an answer.
 */
public final class BatchedPassedRequests implements PassedRequests {
    private static final int BATCH = 5_000;

    private final StoredPassedRequests store;
    private final List<RequestOutcome> pending = new ArrayList<>(BATCH);

    public BatchedPassedRequests(StoredPassedRequests store) {
        this.store = store;
    }

    @Override
    public void record(RequestOutcome outcome) {
        pending.add(outcome);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    @Override
    public Optional<RequestOutcome> find(String agreementId, String requestId) {
        flush();
        return store.find(agreementId, requestId);
    }

    public void flush() {
        if (!pending.isEmpty()) {
            store.recordAll(pending);
            pending.clear();
        }
    }
}
