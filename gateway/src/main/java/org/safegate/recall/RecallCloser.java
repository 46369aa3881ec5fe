package org.safegate.recall;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;

/**
 * A security officer closes recall items without a certificate of disposal, with a reason (the
 * holder no longer exists, the copy was destroyed with its server, ...). Every item named is
 * checked before any is closed; then all move to CLOSED with their closures in one transaction with
 * their {@code RECALL_ITEM_CLOSED} events, one per item (officer as actor, the transfer as object, the
 * recall's issuer as provider and the holder as recipient).
 */
public final class RecallCloser {
    /** The longest reason taken, as for the reason of a recall. */
    public static final int MAX_REASON = RecallIssuer.MAX_TEXT;

    private final StoredRecalls recalls;
    private final AuditLog audit;
    private final Clock clock;

    public RecallCloser(StoredRecalls recalls, AuditLog audit, Clock clock) {
        this.recalls = recalls;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Closes the items (transfer ids) of the recall and answers the recall as it then stands.
     * BAD_INPUT for a missing, blank or too long reason, no items or one named twice; NOT_FOUND for
     * an unknown recall or a transfer that is not one of its items; CONFLICT, naming the item and its
     * state, for an item already certified or closed. Nothing is closed when any of these is found.
     */
    public Recall close(String recallId, List<String> transfers, String reason, String operator, String origin) {
        String why = RecallIssuer.text("reason", reason);
        named(transfers);
        Recall recall = recalls.find(recallId).orElseThrow(() -> SafegateException.notFound("recall", recallId));
        List<RecallItem> items = new ArrayList<>();
        for (String transfer : transfers) {
            RecallItem item = itemOf(recall, transfer);
            if (item.state() != RecallItem.State.OPEN) {
                throw notOpen(recall, item);
            }
            items.add(item);
        }
        close(recall, items, why, operator, origin);
        return recalls.find(recallId).orElseThrow(() -> SafegateException.notFound("recall", recallId));
    }

    /** One transaction for all the items and their events: they are closed together or not at all. */
    private void close(Recall recall, List<RecallItem> items, String reason, String operator, String origin) {
        // the store keeps milliseconds: what is answered now is what is read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AuditEntry> events = items.stream().map(item -> AuditEntry.builder(AuditEventType.RECALL_ITEM_CLOSED,
                        operator).origin(origin).object(item.transfer()).outcome(Outcome.SUCCESS)
                .provider(recall.issuer()).recipient(item.holder()).agreement(item.agreement())
                .change("recall " + recall.id() + ": item " + item.transfer() + " held by " + item.holder()
                        + " closed without a certificate of disposal; reason: " + reason).build()).toList();
        RecallClosure closure = new RecallClosure(operator, now, reason);
        try {
            audit.appendAll(events, c -> {
                for (RecallItem item : items) {
                    RecallClosureRows.closing(recall.id(), item.transfer(), closure).write(c);
                }
            });
        } catch (SafegateException e) {
            // a certification or another officer's closure came first: the whole transaction was rolled back
            Recall stored = recalls.find(recall.id()).orElse(recall);
            for (RecallItem item : items) {
                RecallItem current = itemOf(stored, item.transfer());
                if (current.state() != RecallItem.State.OPEN) {
                    throw notOpen(stored, current);
                }
            }
            throw e;
        }
    }

    private static void named(List<String> transfers) {
        if (transfers == null || transfers.isEmpty()) {
            throw SafegateException.invalid("items", "name the items to close (their transfer ids)");
        }
        Set<String> seen = new HashSet<>();
        for (String transfer : transfers) {
            if (transfer == null || transfer.isBlank()) {
                throw SafegateException.invalid("items", "an item to close is named by its transfer id, not blank");
            }
            if (!seen.add(transfer)) {
                throw SafegateException.invalid("items", "item " + transfer + " is named twice");
            }
        }
    }

    private static RecallItem itemOf(Recall recall, String transfer) {
        return recall.items().stream().filter(i -> i.transfer().equals(transfer)).findFirst()
                .orElseThrow(() -> SafegateException.about(ErrorCode.NOT_FOUND, "items", "transfer '" + transfer
                        + "' is not an item of recall " + recall.id()));
    }

    private static SafegateException notOpen(Recall recall, RecallItem item) {
        String state = item.state().name().toLowerCase(Locale.ROOT);
        String detail = item.closure() == null ? ""
                : " by " + item.closure().closedBy() + " at " + item.closure().closedAt();
        return SafegateException.about(ErrorCode.CONFLICT, "items", "item " + item.transfer() + " of recall "
                + recall.id() + " is already " + state + detail + "; only an open item can be closed");
    }
}
