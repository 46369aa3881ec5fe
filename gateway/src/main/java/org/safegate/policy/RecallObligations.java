package org.safegate.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What agencies still owe under recalls: the items they hold that are neither certified disposed of
 * nor closed by an officer. Like {@link Revocations}, every decision reads it afresh (nothing is
 * cached), so a holder that certifies, or whose item an officer closes, is current again from the
 * very next decision. Implementations fail closed: a store that cannot be read throws, it never
 * answers "nothing open".
 *
 * <p>The day rule: decisions are per UTC day, and items are overdue on a day when their due instant
 * is at or before that day's start (00:00 UTC). Due {@code 2027-01-31} (00:00) is overdue from
 * 2027-01-31; due at 14:00 on a day, from the day after.
 */
@FunctionalInterface
public interface RecallObligations {

    /** No recall is ever open: for planning without a gateway's store. */
    RecallObligations NONE = agency -> List.of();

    /** An agency's open items of one recall: how many, and when they were due. */
    record Open(String recall, int items, Instant due) {
        public Open {
            Objects.requireNonNull(recall, "recall");
            Objects.requireNonNull(due, "due");
        }

        /** The first UTC day on which the items are overdue. */
        public LocalDate overdueFrom() {
            return RecallObligations.overdueFrom(due);
        }

        public boolean overdueOn(LocalDate day) {
            return !day.isBefore(overdueFrom());
        }
    }

    /** The first UTC day that starts at or after the due instant: the day rule, for everyone who applies it. */
    static LocalDate overdueFrom(Instant due) {
        LocalDate dueDay = LocalDate.ofInstant(due, ZoneOffset.UTC);
        return dueDay.atStartOfDay(ZoneOffset.UTC).toInstant().equals(due) ? dueDay : dueDay.plusDays(1);
    }

    /** The agency's open items, one entry per recall, by due date then recall id. */
    List<Open> open(String agency);

    /** Those of the agency's open items that are overdue on the day. */
    default List<Open> overdue(String agency, LocalDate day) {
        return open(agency).stream().filter(o -> o.overdueOn(day)).toList();
    }
}
