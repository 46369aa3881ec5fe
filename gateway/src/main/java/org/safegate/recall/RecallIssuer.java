package org.safegate.recall;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;

/**
 * A security officer's recall: checks the request, resolves its whole downstream and records it.
 * The recall's rows, and a pending notice to each holder, are written in the transaction of its
 * {@code RECALL_ISSUED} event (operator as actor), so the store never holds a recall the log does not
 * show, nor the reverse.
 */
public final class RecallIssuer {
    static final int MAX_TEXT = 2000;
    private static final int LISTED = 25;

    private final RecallResolution resolution;
    private final AuditLog audit;
    private final Clock clock;
    private final Period defaultDue;

    /** What the officer asks for; {@code due} empty: the setting's default. */
    public record Request(RecallScope scope, String reason, String notice, Optional<String> due) {
    }

    public RecallIssuer(RecallResolution resolution, AuditLog audit, Clock clock, Period defaultDue) {
        this.resolution = resolution;
        this.audit = audit;
        this.clock = clock;
        this.defaultDue = defaultDue;
    }

    public Recall issue(Request request, String operator, String origin) {
        String reason = text("reason", request.reason());
        String notice = text("notice", request.notice());
        // the store keeps milliseconds: what is answered now is what is read back later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = RecallDue.of(request.due().orElse(defaultDue.toString()), now);
        RecallResolution.Resolved resolved = resolution.resolve(request.scope());
        Recall recall = new Recall(UUID.randomUUID().toString(), resolved.issuer(), now, operator, reason, notice, due,
                resolved.items());
        audit.append(AuditEntry.builder(AuditEventType.RECALL_ISSUED, operator).origin(origin).object(recall.id())
                .outcome(Outcome.SUCCESS).provider(recall.issuer())
                .change("recall " + recall.id() + " of " + recall.issuer() + "'s data: " + recall.items().size()
                        + " item(s), due " + due + "; transfers " + transfers(recall)
                        + requests(request.scope()) + "; reason: " + reason).build(),
                c -> {
                    StoredRecalls.inserting(recall).write(c);
                    // each holder's notice is pending from the start: nothing issued goes untold
                    StoredRecallNotices.pending(recall).write(c);
                });
        return recall;
    }

    /** The items' transfers, the first {@link #LISTED} of them: the event's change has a bounded length. */
    private static String transfers(Recall recall) {
        String listed = String.join(" ", recall.items().stream().limit(LISTED).map(RecallItem::transfer).toList());
        int more = recall.items().size() - LISTED;
        return more > 0 ? listed + " (and " + more + " more)" : listed;
    }

    /** "; requests R-1 R-2" for a recall of answer records by request id, the first {@link #LISTED}. */
    private static String requests(RecallScope scope) {
        List<String> requests = scope.requests().stream().distinct().toList();
        if (requests.isEmpty()) {
            return "";
        }
        int more = requests.size() - LISTED;
        return "; requests " + String.join(" ", requests.subList(0, Math.min(LISTED, requests.size())))
                + (more > 0 ? " (and " + more + " more)" : "");
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw SafegateException.invalid(field, "a " + field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw SafegateException.invalid(field, "the " + field + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
