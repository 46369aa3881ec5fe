package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.RecallMarks;
import org.safegate.store.Database;

/**
 * What auditors read of recalls, delivery by delivery: the recalls a transfer is an item of, with
 * the item's state ({@code audit show}), and how each delivery stands over all its items (the
 * accounting of disclosures). Read only; the state is whatever certificates and officers made it.
 */
public final class TransferRecalls {
    private final Database database;

    /**
     * One recall holding the transfer as an item.
     *
     * @param overdue the item is open and overdue by the day rule: its holder is RECALL_OVERDUE
     */
    public record Held(String recall, String issuer, Instant issuedAt, Instant due, RecallItem.State state,
                       boolean overdue) {
    }

    /** How a delivery stands over all its items: see {@link #standing}. */
    public enum Standing {
        OPEN, OVERDUE, DISPOSED, CLOSED
    }

    public TransferRecalls(Database database) {
        this.database = database;
    }

    /**
     * The recalls the transfer is an item of, by issue time; overdue on the UTC day of {@code now}, by
     * the gate's day rule ({@link org.safegate.policy.RecallObligations#overdueFrom}).
     */
    public List<Held> of(String transfer, Instant now) {
        String sql = "SELECT r.recall_id, r.issuer, r.issued_at, r.due_at, i.state FROM recall_item i"
                + " JOIN recall r ON r.recall_id = i.recall_id WHERE i.transfer_id = ?"
                + " ORDER BY r.issued_at, r.recall_id";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, transfer);
            List<Held> held = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant due = Instant.ofEpochMilli(r.getLong(4));
                    RecallItem.State state = state(r.getString(5), transfer);
                    held.add(new Held(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), due, state,
                            state == RecallItem.State.OPEN && !java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                                    .isBefore(org.safegate.policy.RecallObligations.overdueFrom(due))));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read the recalls of transfer " + transfer
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Over all the transfer's items as of {@code now}: {@code OVERDUE} when one is open past its due
     * date, else {@code OPEN} when one is open, {@code DISPOSED} when every one is certified,
     * {@code CLOSED} otherwise (none open, an officer closed one); empty when no recall holds it.
     */
    public Optional<Standing> standing(String transfer, Instant now) {
        List<Held> held = of(transfer, now);
        if (held.stream().anyMatch(Held::overdue)) {
            return Optional.of(Standing.OVERDUE);
        }
        return mark(held.stream().map(Held::state).toList()).map(m -> Standing.valueOf(m.name()));
    }

    /**
     * The mark of every delivery that is an item, read at once: items are few next to deliveries,
     * and the accounting asks about each delivery of its period.
     */
    public RecallMarks marks() {
        Map<String, Set<RecallItem.State>> states = new HashMap<>();
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT transfer_id, state FROM recall_item");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String transfer = r.getString(1);
                states.computeIfAbsent(transfer, t -> EnumSet.noneOf(RecallItem.State.class))
                        .add(state(r.getString(2), transfer));
            }
        } catch (SQLException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot read recall items: " + e.getMessage(), e);
        }
        Map<String, RecallMarks.Mark> marks = new HashMap<>();
        states.forEach((transfer, set) -> marks.put(transfer, mark(set).orElseThrow()));
        return transfer -> Optional.ofNullable(marks.get(transfer));
    }

    private static Optional<RecallMarks.Mark> mark(Collection<RecallItem.State> states) {
        if (states.isEmpty()) {
            return Optional.empty();
        }
        if (states.contains(RecallItem.State.OPEN)) {
            return Optional.of(RecallMarks.Mark.OPEN);
        }
        return Optional.of(states.stream().allMatch(s -> s == RecallItem.State.CERTIFIED) ? RecallMarks.Mark.DISPOSED
                : RecallMarks.Mark.CLOSED);
    }

    /** Fails closed on a state this version does not know rather than count the item as anything. */
    private static RecallItem.State state(String stored, String transfer) {
        try {
            return RecallItem.State.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "recall item of transfer " + transfer
                    + " has an unknown state '" + stored + "'", e);
        }
    }
}
