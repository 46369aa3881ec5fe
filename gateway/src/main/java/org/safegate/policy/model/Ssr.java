package org.safegate.policy.model;

import java.time.LocalDate;
import java.util.Objects;

/** The latest Safeguard Security Report: the calendar year it reports on and when it was filed. */
public record Ssr(int year, LocalDate submitted) {
    public Ssr {
        Objects.requireNonNull(submitted, "submitted");
    }
}
