package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * The state of a whole policy set on one day: each agency's safeguard status and, for each
 * agreement, whether its provider could send under it. What {@code policy check} prints.
 */
public record PolicyStatus(LocalDate day, List<AgencyStatus> agencies, List<AgreementStatus> agreements) {

    public PolicyStatus {
        agencies = List.copyOf(agencies);
        agreements = List.copyOf(agreements);
    }

    /** How an agency stands as a recipient. */
    public enum Standing {
        CURRENT("current"),
        NOT_CURRENT("not-current"),
        /** Receives under no agreement and has no safeguard record: the rules do not apply to it. */
        PROVIDER_ONLY("provider-only");

        private final String key;

        Standing(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public record AgencyStatus(String id, String name, Standing standing, List<Reason> reasons) {
        public AgencyStatus {
            reasons = List.copyOf(reasons);
        }
    }

    public record AgreementStatus(Agreement agreement, Decision decision) {
    }

    /** Evaluates every agency and agreement of the set on the day. */
    public static PolicyStatus of(PolicySet policies, SafeguardGate gate, LocalDate day) {
        List<AgencyStatus> agencies = new ArrayList<>();
        for (Agency agency : policies.agencies()) {
            agencies.add(standing(policies, gate, agency, day));
        }
        List<AgreementStatus> agreements = new ArrayList<>();
        for (Agreement agreement : policies.agreements()) {
            agreements.add(new AgreementStatus(agreement, decideAllCategories(gate, agreement, day)));
        }
        return new PolicyStatus(day, agencies, agreements);
    }

    /**
     * How one agency of the set stands on the day: what {@code policy check} prints for it, and what
     * the admin API answers for it.
     */
    public static AgencyStatus standing(PolicySet policies, SafeguardGate gate, Agency agency, LocalDate day) {
        Decision status = gate.status(agency.id(), day);
        Standing standing = status.permitted() ? Standing.CURRENT : Standing.NOT_CURRENT;
        if (policies.agreementsTo(agency.id()).isEmpty() && !policies.hasSafeguards(agency.id())) {
            standing = Standing.PROVIDER_ONLY;
        }
        List<Reason> reasons = standing == Standing.PROVIDER_ONLY ? List.of() : status.reasons();
        return new AgencyStatus(agency.id(), agency.name(), standing, reasons);
    }

    private static Decision decideAllCategories(SafeguardGate gate, Agreement agreement, LocalDate day) {
        Set<Reason> reasons = new LinkedHashSet<>();
        for (String category : agreement.categories()) {
            reasons.addAll(gate.decide(
                    TransferRequest.disclosure(agreement.provider(), agreement.id(), category, day)).reasons());
        }
        return new Decision(agreement.id(), day, new ArrayList<>(reasons));
    }
}
