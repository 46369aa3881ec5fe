package org.safegate.recall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.store.AnswerRecords;
import org.safegate.store.StoredPassedRequests;

/**
 * Finds what a recall covers, from the audit log (the journal forgets a transfer once it is done;
 * the log keeps every delivery): each delivery in scope, then every onward delivery of the same
 * data, following the redisclosure links ({@code parent_transfer}) to any depth, as
 * {@code audit show} builds its chain. A transfer reached twice (named and also redisclosed) is one
 * item. Named requests limit the recall to the answer files that carried their answers, and each
 * item to those answer records ({@link RequestedAnswers}); an onward delivery carries the same data,
 * and so the same records.
 */
public final class RecallResolution {
    private static final Set<AuditEventType> DELIVERIES = Set.of(AuditEventType.TRANSFER_DELIVERED,
            AuditEventType.REDISCLOSURE);

    private final AuditStore store;
    private final RequestedAnswers requested;

    /** The items, and the agency whose data they are. */
    public record Resolved(String issuer, List<RecallItem> items) {
    }

    public RecallResolution(AuditStore store, AnswerRecords answers, StoredPassedRequests requests) {
        this.store = store;
        this.requested = new RequestedAnswers(answers, requests);
    }

    /** The resolution over one store: its audit log, answer records and request outcomes. */
    public static RecallResolution over(org.safegate.store.Database database) {
        return new RecallResolution(new AuditStore(database), new AnswerRecords(database),
                new StoredPassedRequests(database));
    }

    /**
     * Resolves the scope: NOT_FOUND naming an unknown transfer or request; BAD_INPUT when a named
     * transfer was never delivered, when nothing was delivered in scope, or when the scope mixes data
     * of several providers (a recall speaks for one agency). With requests: the answer files that
     * carried their answers (those of the named transfers or of the period only, when given; each
     * named transfer must carry one, each request must keep one), each with those records only.
     */
    public Resolved resolve(RecallScope scope) {
        if (scope.requests().isEmpty()) {
            return resolved(scope.transfers().isEmpty() ? inPeriod(scope) : named(scope.transfers()), Map.of(), scope);
        }
        RequestedAnswers.Found found = requested.find(scope.requests(), scope.agreement());
        Set<String> answerFiles = found.transfers();
        List<AuditEvent> roots;
        String within;
        if (!scope.transfers().isEmpty()) {
            roots = named(scope.transfers());
            roots.stream().map(e -> e.entry().transferId()).filter(t -> !answerFiles.contains(t)).findFirst()
                    .ifPresent(t -> {
                        throw SafegateException.invalid("transfers", "transfer " + t + " carried no answer to the"
                                + " requests named (" + String.join(", ", found.byRequest().keySet()) + ")");
                    });
            within = "among the transfers named";
        } else if (scope.from().isPresent()) {
            roots = inPeriod(scope).stream().filter(e -> answerFiles.contains(e.entry().transferId())).toList();
            within = "under " + scope.agreement().orElseThrow() + " from " + scope.from().get() + " to "
                    + scope.to().orElseThrow();
        } else {
            // in the order they were delivered, as a period's deliveries come
            roots = answerFiles.stream().map(this::delivery).sorted(Comparator.comparingLong(AuditEvent::sequence))
                    .toList();
            within = "";
        }
        Map<String, List<String>> records = found.recordsWithin(roots.stream().map(e -> e.entry().transferId())
                .toList(), within);
        return resolved(roots, records, scope);
    }

    /** The items of the roots, each followed by its downstream. */
    private Resolved resolved(List<AuditEvent> roots, Map<String, List<String>> records, RecallScope scope) {
        if (roots.isEmpty()) {
            throw SafegateException.invalid(scope.transfers().isEmpty() ? "agreement" : "transfers",
                    "nothing to recall: no delivery " + scope.agreement().map(a -> "under " + a + " from "
                            + scope.from().orElseThrow() + " to " + scope.to().orElseThrow()).orElse("in scope"));
        }
        Set<String> providers = new LinkedHashSet<>();
        roots.forEach(e -> providers.add(e.entry().provider()));
        if (providers.size() > 1) {
            throw SafegateException.invalid("transfers", "the transfers hold data of " + String.join(", ", providers)
                    + ": issue one recall per providing agency");
        }
        Map<String, RecallItem> items = new LinkedHashMap<>();
        for (AuditEvent root : roots) {
            add(root, null, records.getOrDefault(root.entry().transferId(), List.of()), items);
        }
        return new Resolved(providers.iterator().next(), new ArrayList<>(items.values()));
    }

    /** The delivery event of an answer file: its records exist only because the delivery was recorded. */
    private AuditEvent delivery(String transfer) {
        return eventsOf(transfer).stream().filter(e -> DELIVERIES.contains(e.type())).findFirst()
                .orElseThrow(() -> new SafegateException(ErrorCode.STORE_FAILURE, "answer records of transfer "
                        + transfer + " but no delivery of it in the audit log"));
    }

    private List<AuditEvent> named(List<String> transfers) {
        List<AuditEvent> roots = new ArrayList<>();
        for (String id : new LinkedHashSet<>(transfers)) {
            List<AuditEvent> events = eventsOf(id);
            if (events.isEmpty()) {
                throw SafegateException.notFound("transfer", id);
            }
            roots.add(events.stream().filter(e -> DELIVERIES.contains(e.type())).findFirst().orElseThrow(() ->
                    SafegateException.invalid("transfers", "transfer " + id + " was never delivered: nothing to"
                            + " recall")));
        }
        return roots;
    }

    private List<AuditEvent> inPeriod(RecallScope scope) {
        return store.list(new AuditQuery(Optional.empty(), scope.agreement(), DELIVERIES, Optional.empty(),
                scope.from(), scope.to(), Optional.empty()));
    }

    private List<AuditEvent> eventsOf(String transfer) {
        return store.list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(transfer)));
    }

    /**
     * The delivery, then its onward deliveries (with the same records: the same data); a transfer
     * already taken (or a cycle) is not taken again.
     */
    private void add(AuditEvent delivery, String parent, List<String> records, Map<String, RecallItem> items) {
        String id = delivery.entry().transferId();
        if (id == null || items.containsKey(id)) {
            return;
        }
        items.put(id, new RecallItem(id, delivery.entry().recipient(), delivery.entry().agreement(),
                deliveredName(delivery), delivery.entry().payloadDigest(), delivery.time(), parent, records,
                RecallItem.State.OPEN));
        for (AuditEvent child : store.children(id)) {
            if (DELIVERIES.contains(child.type())) {
                add(child, id, records, items);
            }
        }
    }

    /**
     * The name in the holder's inbox, from the delivery's change ("delivered to ICE as NAME; records
     * ..."); the file's name as sent when the change does not say.
     */
    static String deliveredName(AuditEvent delivery) {
        String change = delivery.entry().change();
        String marker = " as ";
        if (change != null && change.startsWith("delivered to ") && change.contains(marker)) {
            String name = change.substring(change.indexOf(marker) + marker.length());
            int end = name.indexOf("; records ");
            name = end < 0 ? name : name.substring(0, end);
            if (!name.isBlank() && !name.equals("?")) {
                return name;
            }
        }
        return delivery.entry().object();
    }
}
