package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.Outcome;
import org.safegate.policy.model.Operator;

/** {@code /api/operators/{id}/...}: what one operator may do about another's access: unlock, revoke tokens. */
final class OperatorEndpoints {
    /** An IPv4 or IPv6 address as the server reports a client's (no names, no ports). */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.%]{2,64}");

    private final AdminServices services;
    private final LoginThrottle throttle;

    OperatorEndpoints(AdminServices services, LoginThrottle throttle) {
        this.services = services;
        this.throttle = throttle;
    }

    /**
     * Lifts the operator's login lockouts from every address, and the lockout of the address named
     * in the body, on this node. Always audited, also when nothing was locked. No one unlocks
     * themselves: that takes a second person.
     */
    ApiResponse unlock(ApiRequest request, String operator) {
        Operator target = operator(request.path("id"));
        ObjectNode body = Json.body(request);
        Json.onlyFields(body, "reason", "address");
        String reason = Json.requiredText(body, "reason");
        Optional<String> address = body.has("address") ? Optional.of(address(body)) : Optional.empty();
        if (target.id().equals(operator)) {
            services.audit().append(AuditEntry.builder(AuditEventType.OPERATOR_FORBIDDEN, operator)
                    .origin("admin API from " + request.clientAddress()).object("POST /api/operators/" + target.id()
                            + "/unlock").outcome(Outcome.FAILURE).change("refused: no one unlocks themselves").build());
            throw new ApiProblem(ApiProblem.Kind.FORBIDDEN, "SELF_UNLOCK",
                    "an operator cannot unlock themselves; ask another operator with operators:unlock", null);
        }
        int cleared = throttle.unlock(target.id(), address);
        services.audit().append(AuditEntry.builder(AuditEventType.OPERATOR_UNLOCKED, operator)
                .origin("admin API from " + request.clientAddress()).object(target.id())
                .change("unlocked: " + reason + "; " + cleared + " lockout(s) lifted"
                        + address.map(a -> ", address " + a + " included").orElse("")).build());
        ObjectNode answer = Json.object().put("operator", target.id()).put("unlocked", true).put("cleared", cleared)
                .put("reason", reason);
        address.ifPresent(a -> answer.put("address", a));
        return Json.ok(answer);
    }

    /**
     * Revokes the operator's API tokens not revoked yet, or only the one named: each stored, then
     * audited. 409 when none is left to revoke.
     */
    ApiResponse revokeTokens(ApiRequest request, String operator) {
        Operator target = operator(request.path("id"));
        ObjectNode body = Json.body(request);
        Json.onlyFields(body, "reason", "token");
        String reason = Json.requiredText(body, "reason");
        Optional<String> only = body.has("token") ? Optional.of(Json.requiredText(body, "token")) : Optional.empty();
        if (only.isPresent() && !target.apiTokens().containsKey(only.get())) {
            throw new ApiProblem(ApiProblem.Kind.NOT_FOUND, "NOT_FOUND", "operator " + target.id()
                    + " has no API token named '" + only.get() + "'", "token");
        }
        List<String> revoked = services.apiTokens().revoke(target, only, operator, reason,
                "admin API from " + request.clientAddress());
        if (revoked.isEmpty()) {
            throw new ApiProblem(ApiProblem.Kind.CONFLICT, "NO_TOKENS_TO_REVOKE", "operator " + target.id()
                    + " has no API token " + (only.isPresent() ? "'" + only.get() + "' " : "") + "left to revoke", null);
        }
        ObjectNode answer = Json.object().put("operator", target.id()).put("reason", reason);
        revoked.forEach(answer.putArray("revoked")::add);
        return Json.ok(answer);
    }

    private Operator operator(String id) {
        return services.policies().get().operator(id).orElseThrow(() -> ApiProblem.notFound("operator", id));
    }

    private static String address(ObjectNode body) {
        String address = Json.requiredText(body, "address");
        if (!ADDRESS.matcher(address).matches()) {
            throw ApiProblem.badInput("address", "address must be an IPv4 or IPv6 address as the gateway logs it,"
                    + " not '" + address + "'");
        }
        return address;
    }
}
