package org.safegate.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An agency's safeguard record: its latest review, SSR, the review's findings and its CAP. */
public record Safeguards(
        String agency,
        Optional<Review> review,
        Optional<Ssr> ssr,
        List<Finding> findings,
        Optional<Cap> cap,
        Source source) {

    public Safeguards {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(ssr, "ssr");
        findings = List.copyOf(findings);
        Objects.requireNonNull(cap, "cap");
    }

    /** The record of an agency that has never been reviewed and has filed nothing. */
    public static Safeguards none(String agency) {
        return new Safeguards(agency, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), null);
    }
}
