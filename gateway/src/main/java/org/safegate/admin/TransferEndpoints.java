package org.safegate.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safegate.operator.TransferQueue;

/** {@code /api/transfers}: held and quarantined transfers, and releasing one (the queue does the work). */
final class TransferEndpoints {
    private final TransferQueue queue;

    record Transfers(List<Transfer> transfers) {
    }

    /** One transfer waiting on a person; {@code since} is {@code null} when not known. */
    record Transfer(String id, String state, String sender, String agreement, String name, String since,
                    List<String> reasons) {
        static Transfer of(TransferQueue.QueuedTransfer transfer) {
            return new Transfer(transfer.id(), transfer.state().name().toLowerCase(Locale.ROOT), transfer.sender(),
                    transfer.agreement(), transfer.name(), transfer.since() == null ? null : transfer.since().toString(),
                    transfer.reasons());
        }
    }

    /** The transfer as it was listed, then who released it. */
    record Released(String id, String state, String sender, String agreement, String name, String since,
                    List<String> reasons, boolean released, String releasedBy) {
        static Released of(TransferQueue.QueuedTransfer queued, String operator) {
            Transfer t = Transfer.of(queued);
            return new Released(t.id(), t.state(), t.sender(), t.agreement(), t.name(), t.since(), t.reasons(), true,
                    operator);
        }
    }

    TransferEndpoints(TransferQueue queue) {
        this.queue = queue;
    }

    ApiResponse list(ApiRequest request) {
        return Json.ok(list(request.query("state")));
    }

    /** The transfers in one state ({@code held}, {@code quarantined}), or in both when none is given. */
    Transfers list(java.util.Optional<String> wanted) {
        List<TransferQueue.State> states = wanted.map(TransferEndpoints::state)
                .map(List::of).orElse(List.of(TransferQueue.State.values()));
        List<Transfer> transfers = new ArrayList<>();
        for (TransferQueue.State state : states) {
            queue.list(state).forEach(transfer -> transfers.add(Transfer.of(transfer)));
        }
        return new Transfers(transfers);
    }

    /** The released transfer as it was listed ({@code state}: where it was), marked released by the operator. */
    ApiResponse release(ApiRequest request, String operator) {
        return Json.ok(release(request.path("id"), operator));
    }

    Released release(String id, String operator) {
        return Released.of(queue.release(id, operator), operator);
    }

    private static TransferQueue.State state(String text) {
        try {
            return TransferQueue.State.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("state", "state must be held or quarantined, not '" + text + "'");
        }
    }
}
