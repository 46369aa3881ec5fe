package org.safegate.recall;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.safegate.SafegateException;

/**
 * When a recall's holders must have disposed of its data: an ISO period from the moment it is
 * issued ({@code P30D}) or a UTC day ({@code 2027-01-31}, due at its start). A due date that is not
 * after the issue is refused, naming {@code due}.
 */
public final class RecallDue {
    private RecallDue() {
    }

    public static Instant of(String due, Instant issued) {
        Instant at;
        try {
            if (due.startsWith("P") || due.startsWith("p")) {
                at = issued.atZone(ZoneOffset.UTC).plus(Period.parse(due)).toInstant();
            } else {
                at = LocalDate.parse(due).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        } catch (DateTimeException e) {
            throw SafegateException.invalid("due", "'" + due + "' is neither an ISO period such as P30D nor a day"
                    + " such as 2027-01-31");
        }
        if (!at.isAfter(issued)) {
            throw SafegateException.invalid("due", "the due date " + at + " is not after the recall is issued ("
                    + issued + ")");
        }
        return at;
    }
}
