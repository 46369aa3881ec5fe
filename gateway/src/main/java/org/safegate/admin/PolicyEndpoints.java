package org.safegate.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.safegate.admin.StandingBodies.ReasonBody;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/** {@code /api/policy/status} and {@code /api/policy/reload}. */
final class PolicyEndpoints {
    private final AdminServices services;

    /** As {@code policy check --json}: the day, each agency's standing, each agreement's decision. */
    record Status(String at, List<AgencyStanding> agencies, List<AgreementDecision> agreements) {
    }

    record AgencyStanding(String id, String name, String status, boolean current, List<ReasonBody> reasons) {
        static AgencyStanding of(PolicyStatus.AgencyStatus agency) {
            return new AgencyStanding(agency.id(), agency.name(), agency.standing().key(),
                    agency.standing() == PolicyStatus.Standing.CURRENT, ReasonBody.of(agency.reasons()));
        }
    }

    /** {@code expires} is {@code null} for an agreement without an end. */
    record AgreementDecision(String id, String provider, String recipient, String authority, String effective,
                             String expires, boolean permitted, List<String> categories, List<ReasonBody> reasons) {
        static AgreementDecision of(PolicyStatus.AgreementStatus entry) {
            Agreement agreement = entry.agreement();
            return new AgreementDecision(agreement.id(), agreement.provider(), agreement.recipient(),
                    agreement.authority(), agreement.effective().toString(),
                    agreement.expires().map(LocalDate::toString).orElse(null), entry.decision().permitted(),
                    List.copyOf(agreement.categories()), ReasonBody.of(entry.decision().reasons()));
        }
    }

    record Reloaded(boolean reloaded, int agencies, int agreements, int operators, List<Problem> warnings) {
    }

    record Problem(String file, int line, String field, String code, String message) {
        static List<Problem> of(List<PolicyProblem> problems) {
            return problems.stream().map(p -> new Problem(p.file().toString(), p.line(), p.field(), p.code().name(),
                    p.message())).toList();
        }
    }

    PolicyEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse status(ApiRequest request) {
        LocalDate day = request.query("at").map(PolicyEndpoints::date)
                .orElse(LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC));
        PolicySet set = services.policies().get();
        PolicyStatus status = PolicyStatus.of(set, services.gate(), day);
        return Json.ok(new Status(day.toString(), status.agencies().stream().map(AgencyStanding::of).toList(),
                status.agreements().stream().map(AgreementDecision::of).toList()));
    }

    /**
     * Validates the policy folder, then loads it. An invalid folder changes nothing (the running set
     * stays) and is answered 409 with every problem; the rejection is audited by the reload itself.
     */
    ApiResponse reload(ApiRequest request, String operator) {
        PolicyLoadResult check = services.loader().load(services.policyFolder());
        if (!check.isValid()) {
            services.policies().reloadIfChanged();
            return Problems.of(new ApiProblem(ApiProblem.Kind.CONFLICT, "POLICY_INVALID", check.errors().size()
                    + " problem(s) in the policy folder; the running policy set stays", null),
                    Problem.of(check.errors()));
        }
        boolean replaced = services.policies().reloadIfChanged();
        PolicySet set = services.policies().get();
        services.audit().append(AuditEntry.builder(AuditEventType.POLICY_LOADED, operator)
                .origin("admin API").object(services.policyFolder().toString())
                .change(replaced ? "reload requested: the changed policy set is in force"
                        : "reload requested: no change since the last load").build());
        return Json.ok(new Reloaded(replaced, set.agencies().size(), set.agreements().size(),
                set.operators().size(), Problem.of(check.warnings())));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput("at", "at must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
