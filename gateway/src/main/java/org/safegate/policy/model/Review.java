package org.safegate.policy.model;

import java.time.LocalDate;
import java.util.Objects;

/** A completed safeguard review. */
public record Review(String id, LocalDate completed) {
    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(completed, "completed");
    }
}
