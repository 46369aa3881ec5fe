package org.safegate.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of a policy question asked on a given day: permitted, or denied with every rule
 * that failed (never just the first). Immutable, so it can be logged, returned and compared.
 *
 * @param subject what was decided, e.g. {@code IRS-ICE-2025 last-known-address} or {@code ICE}
 */
public record Decision(String subject, LocalDate day, List<Reason> reasons) {

    public Decision {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(day, "day");
        reasons = List.copyOf(reasons);
    }

    public boolean permitted() {
        return reasons.isEmpty();
    }

    public Set<ReasonCode> codes() {
        return reasons.stream().map(Reason::code).collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasReason(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    /** One line for logs and errors: {@code subject on day: permitted} or the denial reasons. */
    public String summary() {
        if (permitted()) {
            return subject + " on " + day + ": permitted";
        }
        return subject + " on " + day + ": denied: "
                + reasons.stream().map(Reason::toString).collect(Collectors.joining("; "));
    }
}
