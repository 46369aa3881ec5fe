package org.safegate.policy.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A finding of a safeguard review. A closed finding records the day it was closed. */
public record Finding(String id, Severity severity, LocalDate opened, Optional<LocalDate> closed) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(closed, "closed");
    }

    /** True when the finding had been opened and was not yet closed on the given day. */
    public boolean isOpenOn(LocalDate day) {
        return !opened.isAfter(day) && closed.map(c -> c.isAfter(day)).orElse(true);
    }
}
