package org.safegate.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that stops being current on a coming day: a review turning stale, an SSR or CAP update
 * falling due, a CAP item's date passing, an agreement ending, a certificate expiring, a CRL reaching
 * its nextUpdate, a recall's items falling overdue.
 *
 * @param day       the first day on which it is no longer current (the day the gate would refuse)
 * @param agency    the agency it concerns; empty for the gateway's own material (its certificates,
 *                  the key store's CRLs), on which every transfer depends
 * @param agreement the agreement it concerns, for an agreement's expiry
 * @param what      a sentence naming the record and its date, for an operator
 */
public record UpcomingChange(LocalDate day, Kind kind, Optional<String> agency, Optional<String> agreement,
                             String what) {

    /** What stops being current; each maps to the reason code the gate gives from {@link #day} on. */
    public enum Kind {
        REVIEW_STALE(ReasonCode.REVIEW_STALE),
        SSR_DUE(ReasonCode.SSR_MISSING),
        CAP_UPDATE_DUE(ReasonCode.CAP_STALE),
        CAP_ITEM_DUE(ReasonCode.CAP_ITEM_OVERDUE),
        CRITICAL_MITIGATION_DUE(ReasonCode.CRITICAL_FINDING_OPEN),
        AGREEMENT_EXPIRES(ReasonCode.AGREEMENT_NOT_IN_FORCE),
        CERT_EXPIRES(ReasonCode.CERT_EXPIRED),
        CRL_NEXT_UPDATE(null),
        /** A recall's open items held by the agency become overdue (the day rule of {@link RecallObligations}). */
        RECALL_DUE(ReasonCode.RECALL_OVERDUE);

        private final ReasonCode reason;

        Kind(ReasonCode reason) {
            this.reason = reason;
        }

        /** The reason code the gate gives once it happens; {@code CERT_STATUS_UNKNOWN} (an error code) for a CRL. */
        public String reasonCode() {
            return reason == null ? "CERT_STATUS_UNKNOWN" : reason.name();
        }
    }

    public UpcomingChange {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(what, "what");
    }

    /** Whether it affects the agency: its own items and the gateway-wide ones. */
    public boolean affects(String agencyId) {
        return agency.map(agencyId::equals).orElse(true);
    }

    /** The agency's id, or {@code (gateway)} for gateway-wide material, as the text forms print it. */
    public String subject() {
        return agency.orElse("(gateway)");
    }
}
