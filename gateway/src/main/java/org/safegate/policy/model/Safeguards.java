package org.safegate.policy.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agency's safeguard record: its latest review, its SSR filings, the review's findings and its CAP.
 *
 * @param source where the record was read from; null for the empty record of an agency without a file
 */
public record Safeguards(
        String agency,
        Optional<Review> review,
        List<Ssr> ssrs,
        List<Finding> findings,
        Optional<Cap> cap,
        Source source) {

    public Safeguards {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(review, "review");
        ssrs = List.copyOf(ssrs);
        findings = List.copyOf(findings);
        Objects.requireNonNull(cap, "cap");
    }

    /** The record of an agency that has never been reviewed and has filed nothing. */
    public static Safeguards none(String agency) {
        return new Safeguards(agency, Optional.empty(), List.of(), List.of(), Optional.empty(), null);
    }
}
