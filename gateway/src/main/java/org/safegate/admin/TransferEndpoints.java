package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.safegate.operator.TransferQueue;

/** {@code /api/transfers}: held and quarantined transfers, and releasing one (the queue does the work). */
final class TransferEndpoints {
    private final TransferQueue queue;

    TransferEndpoints(TransferQueue queue) {
        this.queue = queue;
    }

    ApiResponse list(ApiRequest request) {
        List<TransferQueue.State> states = request.query("state").map(TransferEndpoints::state)
                .map(List::of).orElse(List.of(TransferQueue.State.values()));
        ObjectNode root = Json.object();
        ArrayNode transfers = root.putArray("transfers");
        for (TransferQueue.State state : states) {
            queue.list(state).forEach(transfer -> transfers.add(json(transfer)));
        }
        return Json.ok(root);
    }

    /** The released transfer as it was listed ({@code state}: where it was), marked released by the operator. */
    ApiResponse release(ApiRequest request, String operator) {
        return Json.ok(json(queue.release(request.path("id"), operator)).put("released", true)
                .put("releasedBy", operator));
    }

    private static TransferQueue.State state(String text) {
        try {
            return TransferQueue.State.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badInput("state", "state must be held or quarantined, not '" + text + "'");
        }
    }

    private static ObjectNode json(TransferQueue.QueuedTransfer transfer) {
        ObjectNode node = Json.object().put("id", transfer.id())
                .put("state", transfer.state().name().toLowerCase(Locale.ROOT)).put("sender", transfer.sender())
                .put("agreement", transfer.agreement()).put("name", transfer.name())
                .put("since", transfer.since() == null ? null : transfer.since().toString());
        transfer.reasons().forEach(node.putArray("reasons")::add);
        return node;
    }
}
