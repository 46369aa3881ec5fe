package org.safegate.operator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safegate.SafegateException;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Review;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Ssr;

/**
 * One safeguard event, already read and checked field by field ({@link SafeguardEventParser}).
 * {@link #apply} turns an agency's record into the record after the event, refusing what
 * contradicts the record (a finding opened twice, closing an unknown finding). Rules between
 * fields of the whole file (dates in order) are left to the policy loader, which checks the result.
 */
sealed interface SafeguardEvent {
    /** The event's {@code type} as it appears in JSON. */
    String type();

    /** What the event names, for messages and the audit log ({@code F-01}, {@code SR-2026-ICE}). */
    String subject();

    Safeguards apply(Safeguards before);

    /** A new safeguard review replaces the previous one. */
    record NewReview(String id, LocalDate completed) implements SafeguardEvent {
        public String type() { return "review"; }
        public String subject() { return id; }

        public Safeguards apply(Safeguards s) {
            return new Safeguards(s.agency(), Optional.of(new Review(id, completed)), s.ssrs(), s.findings(), s.cap(),
                    s.source());
        }
    }

    /** An SSR filed for a calendar year; each year is filed once. */
    record SsrFiled(int year, LocalDate submitted) implements SafeguardEvent {
        public String type() { return "ssr"; }
        public String subject() { return "SSR " + year; }

        public Safeguards apply(Safeguards s) {
            if (s.ssrs().stream().anyMatch(ssr -> ssr.year() == year)) {
                throw SafegateException.invalid("year", "an SSR for " + year + " is already recorded for " + s.agency());
            }
            List<Ssr> ssrs = new ArrayList<>(s.ssrs());
            ssrs.add(new Ssr(year, submitted));
            ssrs.sort(Comparator.comparingInt(Ssr::year));
            return new Safeguards(s.agency(), s.review(), ssrs, s.findings(), s.cap(), s.source());
        }
    }

    /** A new open finding. */
    record FindingOpened(String id, Severity severity, LocalDate opened) implements SafeguardEvent {
        public String type() { return "finding-opened"; }
        public String subject() { return id; }

        public Safeguards apply(Safeguards s) {
            if (s.findings().stream().anyMatch(f -> f.id().equals(id))) {
                throw SafegateException.invalid("id", "finding " + id + " already exists for " + s.agency());
            }
            List<Finding> findings = new ArrayList<>(s.findings());
            findings.add(new Finding(id, severity, opened, Optional.empty()));
            return new Safeguards(s.agency(), s.review(), s.ssrs(), findings, s.cap(), s.source());
        }
    }

    /** An open finding closed on a day. */
    record FindingClosed(String id, LocalDate closed) implements SafeguardEvent {
        public String type() { return "finding-closed"; }
        public String subject() { return id; }

        public Safeguards apply(Safeguards s) {
            Finding finding = s.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                    .orElseThrow(() -> SafegateException.invalid("id", s.agency() + " has no finding " + id));
            if (finding.closed().isPresent()) {
                throw SafegateException.invalid("id", "finding " + id + " was already closed on " + finding.closed().get());
            }
            List<Finding> findings = s.findings().stream().map(f -> f.id().equals(id)
                    ? new Finding(id, f.severity(), f.opened(), Optional.of(closed)) : f).toList();
            return new Safeguards(s.agency(), s.review(), s.ssrs(), findings, s.cap(), s.source());
        }
    }

    /** One CAP item as an event gives it: an absent action or date keeps what the CAP has. */
    record ItemChange(String path, String finding, Optional<String> action, boolean dateGiven,
                      Optional<LocalDate> implementationDate) {
    }

    /** A new CAP replaces any previous one whole. */
    record CapSubmitted(LocalDate submitted, List<ItemChange> items) implements SafeguardEvent {
        public String type() { return "cap-submitted"; }
        public String subject() { return "CAP of " + submitted; }

        public Safeguards apply(Safeguards s) {
            Cap cap = new Cap(submitted, Optional.empty(), CapItems.merge(s, List.of(), items));
            return new Safeguards(s.agency(), s.review(), s.ssrs(), s.findings(), Optional.of(cap), s.source());
        }
    }

    /**
     * An update of the CAP in place: its {@code updated} day, and items changed or added by
     * finding (for instance implementation dates set); items not named stay as they are.
     */
    record CapUpdated(LocalDate updated, List<ItemChange> items) implements SafeguardEvent {
        public String type() { return "cap-updated"; }
        public String subject() { return "CAP update of " + updated; }

        public Safeguards apply(Safeguards s) {
            Cap before = s.cap().orElseThrow(() -> SafegateException.invalid("type",
                    s.agency() + " has no CAP to update; record a cap-submitted event first"));
            Cap cap = new Cap(before.submitted(), Optional.of(updated), CapItems.merge(s, before.items(), items));
            return new Safeguards(s.agency(), s.review(), s.ssrs(), s.findings(), Optional.of(cap), s.source());
        }
    }

    /** Merging item changes into a CAP's items. */
    final class CapItems {
        private CapItems() {
        }

        static List<CapItem> merge(Safeguards s, List<CapItem> existing, List<ItemChange> changes) {
            List<CapItem> items = new ArrayList<>(existing);
            List<String> named = new ArrayList<>();
            for (ItemChange change : changes) {
                if (named.contains(change.finding())) {
                    throw SafegateException.invalid(change.path() + ".finding", "finding " + change.finding()
                            + " is named by more than one item");
                }
                named.add(change.finding());
                if (s.findings().stream().noneMatch(f -> f.id().equals(change.finding()))) {
                    throw SafegateException.invalid(change.path() + ".finding", s.agency() + " has no finding "
                            + change.finding());
                }
                int at = indexOf(items, change.finding());
                CapItem old = at < 0 ? null : items.get(at);
                String action = change.action().or(() -> Optional.ofNullable(old).map(CapItem::action))
                        .orElseThrow(() -> SafegateException.invalid(change.path() + ".action",
                                "is required for a new item"));
                Optional<LocalDate> date = change.dateGiven() ? change.implementationDate()
                        : Optional.ofNullable(old).flatMap(CapItem::implementationDate);
                CapItem item = new CapItem(change.finding(), action, date);
                if (at < 0) {
                    items.add(item);
                } else {
                    items.set(at, item);
                }
            }
            return items;
        }

        private static int indexOf(List<CapItem> items, String finding) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).finding().equals(finding)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
