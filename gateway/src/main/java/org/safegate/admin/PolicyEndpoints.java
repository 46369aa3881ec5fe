package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.Reason;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/** {@code /api/policy/status} and {@code /api/policy/reload}. */
final class PolicyEndpoints {
    private final AdminServices services;

    PolicyEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse status(ApiRequest request) {
        LocalDate day = request.query("at").map(PolicyEndpoints::date)
                .orElse(LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC));
        PolicySet set = services.policies().get();
        PolicyStatus status = PolicyStatus.of(set, services.gate(), day);
        ObjectNode root = Json.object().put("at", day.toString());
        ArrayNode agencies = root.putArray("agencies");
        for (PolicyStatus.AgencyStatus agency : status.agencies()) {
            ObjectNode node = agencies.addObject().put("id", agency.id()).put("name", agency.name())
                    .put("status", agency.standing().key())
                    .put("current", agency.standing() == PolicyStatus.Standing.CURRENT);
            reasons(node.putArray("reasons"), agency.reasons());
        }
        ArrayNode agreements = root.putArray("agreements");
        for (PolicyStatus.AgreementStatus entry : status.agreements()) {
            Agreement agreement = entry.agreement();
            ObjectNode node = agreements.addObject().put("id", agreement.id()).put("provider", agreement.provider())
                    .put("recipient", agreement.recipient()).put("authority", agreement.authority())
                    .put("effective", agreement.effective().toString())
                    .put("expires", agreement.expires().map(LocalDate::toString).orElse(null))
                    .put("permitted", entry.decision().permitted());
            agreement.categories().forEach(node.putArray("categories")::add);
            reasons(node.putArray("reasons"), entry.decision().reasons());
        }
        return Json.ok(root);
    }

    /**
     * Validates the policy folder, then loads it. An invalid folder changes nothing (the running set
     * stays) and is answered 409 with every problem; the rejection is audited by the reload itself.
     */
    ApiResponse reload(ApiRequest request, String operator) {
        PolicyLoadResult check = services.loader().load(services.policyFolder());
        if (!check.isValid()) {
            services.policies().reloadIfChanged();
            ObjectNode node = Json.object().put("code", "POLICY_INVALID")
                    .put("message", check.errors().size() + " problem(s) in the policy folder; the running policy"
                            + " set stays");
            problems(node.putArray("errors"), check.errors());
            return ApiResponse.json(409, Json.write(node));
        }
        boolean replaced = services.policies().reloadIfChanged();
        PolicySet set = services.policies().get();
        services.audit().append(AuditEntry.builder(AuditEventType.POLICY_LOADED, operator)
                .origin("admin API").object(services.policyFolder().toString())
                .change(replaced ? "reload requested: the changed policy set is in force"
                        : "reload requested: no change since the last load").build());
        ObjectNode root = Json.object().put("reloaded", replaced).put("agencies", set.agencies().size())
                .put("agreements", set.agreements().size()).put("operators", set.operators().size());
        problems(root.putArray("warnings"), check.warnings());
        return Json.ok(root);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput("at", "at must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static void reasons(ArrayNode array, List<Reason> reasons) {
        reasons.forEach(r -> array.addObject().put("code", r.code().name()).put("message", r.message()));
    }

    private static void problems(ArrayNode array, List<PolicyProblem> problems) {
        for (PolicyProblem problem : problems) {
            array.addObject().put("file", problem.file().toString()).put("line", problem.line())
                    .put("field", problem.field()).put("code", problem.code().name()).put("message", problem.message());
        }
    }
}
