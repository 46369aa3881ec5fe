package org.safegate.policy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Corrective Action Plan: one item per open finding, updated every few months. */
public record Cap(LocalDate submitted, Optional<LocalDate> updated, List<CapItem> items) {

    public Cap {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(updated, "updated");
        items = List.copyOf(items);
    }
}
