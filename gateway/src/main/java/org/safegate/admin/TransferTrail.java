package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventJson;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.recall.TransferRecalls;

/**
 * Every event of one transfer, its redisclosure chain from the original disclosure down, and the
 * recalls it is an item of: the answer of {@code GET /api/audit/events/{transfer}} and of
 * {@code safegate audit show --json}. Overdue is as of the clock's now.
 */
final class TransferTrail {
    private final AuditStore store;
    private final TransferRecalls recalls;
    private final Instant now;

    record TransferEvents(String transfer, List<ObjectNode> events, Link chain, List<RecallOf> recalls) {
    }

    /** A recall the transfer is an item of, and the item's state there. */
    record RecallOf(String id, String issuer, String issuedAt, String due, String state, boolean overdue) {
        static RecallOf of(TransferRecalls.Held held) {
            return new RecallOf(held.recall(), held.issuer(), held.issuedAt().toString(), held.due().toString(),
                    held.state().name().toLowerCase(Locale.ROOT), held.overdue());
        }
    }

    /**
     * One transfer in a redisclosure chain: what its last event says (when it has any), its onward
     * disclosures, and how it stands over the recalls of it ({@code null}: it was not recalled).
     */
    record Link(String transfer, @JsonUnwrapped Last last, List<Link> onward, String recall) {
    }

    /** Written as members of its {@link Link}; a {@code null} among them is written as {@code null}. */
    record Last(String type, String provider, String recipient, String agreement) {
    }

    TransferTrail(AuditStore store, TransferRecalls recalls, Instant now) {
        this.store = store;
        this.recalls = recalls;
        this.now = now;
    }

    /** Empty when the store holds no event of the transfer. */
    Optional<TransferEvents> of(String transfer) {
        List<AuditEvent> events = eventsOf(transfer);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TransferEvents(transfer, events.stream().map(e -> AuditEventJson.of(Json.MAPPER, e))
                .toList(), chain(root(transfer), new HashSet<>()),
                recalls.of(transfer, now).stream().map(RecallOf::of).toList()));
    }

    private List<AuditEvent> eventsOf(String transfer) {
        return store.list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(transfer)));
    }

    /** Walks up the parent links to the original disclosure (guarding against a cycle). */
    private String root(String transfer) {
        String current = transfer;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Optional<String> parent = eventsOf(current).stream().map(e -> e.entry().parentTransfer())
                    .filter(p -> p != null).findFirst();
            if (parent.isEmpty()) {
                return current;
            }
            current = parent.get();
        }
        return current;
    }

    private Link chain(String transfer, Set<String> seen) {
        List<AuditEvent> events = eventsOf(transfer);
        Last last = null;
        if (!events.isEmpty()) {
            AuditEvent event = events.get(events.size() - 1);
            last = new Last(event.type().name(), event.entry().provider(), event.entry().recipient(),
                    event.entry().agreement());
        }
        List<Link> onward = new ArrayList<>();
        if (seen.add(transfer)) {
            store.children(transfer).stream().map(e -> e.entry().transferId())
                    .filter(id -> id != null).distinct().forEach(id -> onward.add(chain(id, seen)));
        }
        return new Link(transfer, last, onward, recalls.standing(transfer, now)
                .map(standing -> standing.name().toLowerCase(Locale.ROOT)).orElse(null));
    }
}
