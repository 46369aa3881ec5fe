package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * The rules of a transfer beyond the recipient's safeguards: the agreement is in force and covers
 * the category, the recipient is not revoked, owes no overdue recall and its certificate is usable,
 * and the sender is the provider or a recipient allowed to pass the data on.
 */
public final class TransferRules {
    private final SafeguardRules safeguards;
    private final Revocations revocations;
    private final OverdueRecalls recalls;
    private final CertificateCheck certificates;

    public TransferRules(SafeguardRules safeguards, Revocations revocations, RecallObligations recalls,
                         CertificateCheck certificates) {
        this.safeguards = safeguards;
        this.revocations = revocations;
        this.recalls = new OverdueRecalls(recalls);
        this.certificates = certificates;
    }

    /** Why the agency is not current on the day (safeguards, revocation, overdue recalls); empty when it is. */
    public List<Reason> currentReasons(PolicySet policies, String agency, LocalDate day) {
        List<Reason> reasons = safeguards.evaluate(policies.safeguardsOf(agency), day);
        revocations.inForce(agency).ifPresent(r -> reasons.add(new Reason(ReasonCode.AGENCY_REVOKED,
                agency + " is not current: its access was revoked " + r.at() + " by " + r.by() + ": " + r.reason(),
                r.shared())));
        recalls.reason(agency, day).ifPresent(reasons::add);
        return reasons;
    }

    /** Everything about the recipient side of a transfer: the recipient's status, certificate and agreement. */
    public List<Reason> recipientReasons(PolicySet policies, Agreement agreement, String category, LocalDate day) {
        List<Reason> reasons = agreementReasons(agreement, category, day);
        reasons.addAll(currentReasons(policies, agreement.recipient(), day));
        reasons.addAll(certificateReasons(policies, agreement.recipient(), day));
        return reasons;
    }

    /** The agreement's own rules (in force, covers the category, not revoked), which do not depend on either agency. */
    public List<Reason> agreementReasons(Agreement agreement, String category, LocalDate day) {
        List<Reason> reasons = new ArrayList<>(1);
        revocations.agreementInForce(agreement.id()).ifPresent(r -> reasons.add(new Reason(ReasonCode.AGREEMENT_REVOKED,
                "agreement " + agreement.id() + " was revoked " + r.at() + " by " + r.by() + ": " + r.reason(), r.shared())));
        if (!agreement.inForceOn(day)) {
            reasons.add(new Reason(ReasonCode.AGREEMENT_NOT_IN_FORCE, "agreement " + agreement.id()
                    + " is in force from " + agreement.effective()
                    + agreement.expires().map(e -> " until " + e.minusDays(1)).orElse("") + ", not on " + day));
        }
        if (!agreement.covers(category)) {
            reasons.add(new Reason(ReasonCode.CATEGORY_NOT_COVERED, "agreement " + agreement.id()
                    + " does not cover '" + category + "' (it covers " + agreement.categories() + ")"));
        }
        return reasons;
    }

    public List<Reason> certificateReasons(PolicySet policies, String agency, LocalDate day) {
        return policies.agency(agency).map(a -> certificates.check(a, day)).orElse(List.of());
    }

    /** Whether the sender may send under the agreement: as its provider, or as an allowed redisclosure. */
    public List<Reason> senderReasons(PolicySet policies, TransferRequest request, Agreement agreement) {
        List<Reason> reasons = new ArrayList<>(1);
        if (!agreement.provider().equals(request.sender())) {
            reasons.add(new Reason(ReasonCode.SENDER_NOT_PROVIDER, request.sender()
                    + " is not the provider of agreement " + agreement.id() + " (" + agreement.provider() + " is)"));
        }
        request.redisclosureOf().ifPresent(originalId -> {
            Agreement original = policies.agreement(originalId).orElse(null);
            if (original == null) {
                reasons.add(new Reason(ReasonCode.AGREEMENT_UNKNOWN,
                        "the data was received under agreement " + originalId + ", which is not in the policy set"));
            } else {
                reasons.addAll(redisclosureReasons(request, original, agreement));
            }
        });
        return reasons;
    }

    private static List<Reason> redisclosureReasons(TransferRequest request, Agreement original, Agreement onward) {
        List<Reason> reasons = new ArrayList<>(1);
        if (!original.recipient().equals(request.sender())) {
            reasons.add(new Reason(ReasonCode.REDISCLOSURE_SOURCE_MISMATCH, request.sender()
                    + " did not receive this data under " + original.id() + ", which delivers to " + original.recipient()));
        }
        if (!original.allowsRedisclosureTo(onward.recipient())) {
            reasons.add(new Reason(ReasonCode.REDISCLOSURE_NOT_PERMITTED, "agreement " + original.id()
                    + " does not allow " + original.recipient() + " to pass its data on to " + onward.recipient()
                    + " (allowed: " + original.redisclosure() + ")"));
        }
        if (!original.covers(request.category())) {
            reasons.add(new Reason(ReasonCode.REDISCLOSURE_NOT_PERMITTED, "'" + request.category()
                    + "' data was never disclosed under " + original.id()));
        }
        return reasons;
    }
}
