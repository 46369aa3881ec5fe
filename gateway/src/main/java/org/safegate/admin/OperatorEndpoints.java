package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safegate.operator.OperatorAccess;
import org.safegate.policy.model.Operator;

/**
 * {@code /api/operators/{id}/...}: what one operator may do about another's access: unlock, revoke
 * tokens. The operator service checks, acts and audits; an unknown operator is 404 before any body
 * is read.
 */
final class OperatorEndpoints {
    /** An IPv4 or IPv6 address as the server reports a client's (no names, no ports). */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.%]{2,64}");

    private final OperatorAccess access;

    /** {@code cleared}: how many lockouts were lifted; {@code address} only when one was named. */
    record Unlocked(String operator, boolean unlocked, int cleared, String reason,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String address) {
    }

    /** {@code revoked}: the names of the tokens revoked now. */
    record TokensRevoked(String operator, String reason, List<String> revoked) {
    }

    OperatorEndpoints(OperatorAccess access) {
        this.access = access;
    }

    /** Lifts the operator's lockouts on this node, and the lockout of the address named in the body. */
    ApiResponse unlock(ApiRequest request, String operator) {
        Operator target = access.known(request.path("id"));
        ObjectNode body = Json.body(request);
        Json.onlyFields(body, "reason", "address");
        String reason = Json.requiredText(body, "reason");
        Optional<String> address = body.has("address") ? Optional.of(address(body)) : Optional.empty();
        int cleared = access.unlock(target, address, reason, operator, origin(request),
                "POST /api/operators/" + target.id() + "/unlock");
        return Json.ok(new Unlocked(target.id(), true, cleared, reason, address.orElse(null)));
    }

    /** Revokes the operator's API tokens not revoked yet, or only the one named (409 when none is left). */
    ApiResponse revokeTokens(ApiRequest request, String operator) {
        Operator target = access.known(request.path("id"));
        ObjectNode body = Json.body(request);
        Json.onlyFields(body, "reason", "token");
        String reason = Json.requiredText(body, "reason");
        Optional<String> only = body.has("token") ? Optional.of(Json.requiredText(body, "token")) : Optional.empty();
        List<String> revoked = access.revokeTokens(target, only, reason, operator, origin(request));
        return Json.ok(new TokensRevoked(target.id(), reason, revoked));
    }

    private static String origin(ApiRequest request) {
        return "admin API from " + request.clientAddress();
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
