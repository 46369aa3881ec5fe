package org.safegate.policy.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One planned corrective action for a finding, with its implementation date when one is set. */
public record CapItem(String finding, String action, Optional<LocalDate> implementationDate) {
    public CapItem {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(implementationDate, "implementationDate");
    }
}
