package org.safegate.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The Shiro principal the gate asks about: an agency, as a recipient, on a given day. The day is
 * part of the principal because safeguard status depends on it.
 */
public record RecipientOnDay(String agency, LocalDate day) {
    public RecipientOnDay {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(day, "day");
    }
}
