package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recall obligations as a safeguard rule: the {@code RECALL_OVERDUE} reason an agency is given on a
 * day, and the days ahead it would be given one. Both read the same {@link RecallObligations} by the
 * same day rule ({@link RecallObligations.Open#overdueFrom}), so the gate and the upcoming changes
 * agree. The sentences name recalls, item counts and due dates, never a recall's internal reason:
 * they go into receipts.
 */
final class OverdueRecalls {
    /** How many recalls one sentence names; a receipt's reason stays short whatever an agency owes. */
    private static final int NAMED = 10;

    private final RecallObligations obligations;

    OverdueRecalls(RecallObligations obligations) {
        this.obligations = obligations;
    }

    /** The agency's {@code RECALL_OVERDUE} reason on the day, when an item of it is open past its due date. */
    Optional<Reason> reason(String agency, LocalDate day) {
        List<RecallObligations.Open> overdue = obligations.overdue(agency, day);
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        String named = overdue.stream().limit(NAMED).map(o -> "recall " + o.recall() + " (" + o.items()
                + " item(s), due " + o.due() + ")").collect(Collectors.joining(", "));
        int more = overdue.size() - NAMED;
        return Optional.of(new Reason(ReasonCode.RECALL_OVERDUE, agency + " is not current: it has not certified"
                + " disposal of recalled data past its due date: " + named
                + (more > 0 ? " and " + more + " more recall(s)" : "")));
    }

    /** The first day each of the agency's open recalls makes it not current, for those after {@code from}. */
    List<UpcomingChange> upcoming(String agency, LocalDate from) {
        List<UpcomingChange> changes = new ArrayList<>();
        for (RecallObligations.Open open : obligations.open(agency)) {
            if (open.overdueFrom().isAfter(from)) {
                changes.add(new UpcomingChange(open.overdueFrom(), UpcomingChange.Kind.RECALL_DUE, Optional.of(agency),
                        Optional.empty(), agency + " has not certified disposal of " + open.items()
                        + " item(s) of recall " + open.recall() + ", due " + open.due()));
            }
        }
        return changes;
    }
}
