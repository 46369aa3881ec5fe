package org.safegate.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safegate.policy.RecallObligations;

/**
 * A recall as issued: who issued it for which agency's data, why (internal), what the holders
 * read, by when they must dispose of it, and every item resolved when it was issued.
 *
 * @param issuer the agency whose data is recalled (the provider of the deliveries in scope)
 */
public record Recall(String id, String issuer, Instant issuedAt, String issuedBy, String reason, String notice,
                     Instant due, List<RecallItem> items) {
    public Recall {
        items = List.copyOf(items);
    }

    /** True while an item is still open. */
    public boolean open() {
        return openFor(Optional.empty());
    }

    /** True while an item of the holder (of any holder, when empty) is still open. */
    public boolean openFor(Optional<String> holder) {
        return items.stream().anyMatch(i -> i.state() == RecallItem.State.OPEN
                && holder.map(i.holder()::equals).orElse(true));
    }

    /**
     * True when an item is still open on a day its holder is {@code RECALL_OVERDUE} for it: by the
     * gate's day rule, the due instant is at or before the day's start (00:00 UTC).
     */
    public boolean overdueOn(LocalDate day) {
        return overdueOn(day, Optional.empty());
    }

    /** As {@link #overdueOn(LocalDate)}, for the items of the holder only (any holder, when empty). */
    public boolean overdueOn(LocalDate day, Optional<String> holder) {
        return openFor(holder) && !day.isBefore(RecallObligations.overdueFrom(due));
    }
}
