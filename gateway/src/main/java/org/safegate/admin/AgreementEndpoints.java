package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.safegate.SafegateException;
import org.safegate.policy.AgreementRevocation;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;

/**
 * {@code /api/agreements...}: read agreements with their revocation state; revoke and reinstate a
 * single agreement (the agreement service checks, records and audits).
 */
final class AgreementEndpoints {
    private static final String ORIGIN = "admin API";

    private final AdminServices services;

    AgreementEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse list(ApiRequest request) {
        PolicySet set = services.policies().get();
        ObjectNode root = Json.object();
        ArrayNode agreements = root.putArray("agreements");
        set.agreements().forEach(agreement -> agreements.add(describe(agreement)));
        return Json.ok(root);
    }

    ApiResponse one(ApiRequest request) {
        return Json.ok(describe(known(request.path("id"))));
    }

    /** Revokes at once: the very next decision under the agreement reads the store and is denied. */
    ApiResponse revoke(ApiRequest request, String operator) {
        Agreement agreement = known(request.path("id"));
        AgreementRevocation revocation = services.agreementAccess().revoke(agreement.id(), Json.reason(request),
                operator, ORIGIN);
        return Json.ok(revocationJson(Json.object().put("agreement", revocation.agreement()).put("revoked", true),
                revocation));
    }

    /** Lifts a revocation in force (409 NOT_REVOKED when there is none). */
    ApiResponse reinstate(ApiRequest request, String operator) {
        Agreement agreement = known(request.path("id"));
        String reason = Json.reason(request);
        services.agreementAccess().reinstate(agreement.id(), reason, operator, ORIGIN);
        return Json.ok(Json.object().put("agreement", agreement.id()).put("revoked", false).put("reason", reason));
    }

    /** An unknown agreement is 404 before any body is read, as for agencies. */
    private Agreement known(String id) {
        return services.policies().get().agreement(id).orElseThrow(() -> SafegateException.notFound("agreement", id));
    }

    private ObjectNode describe(Agreement agreement) {
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        ObjectNode node = Json.object().put("id", agreement.id()).put("provider", agreement.provider())
                .put("recipient", agreement.recipient()).put("authority", agreement.authority())
                .put("purpose", agreement.purpose()).put("effective", agreement.effective().toString())
                .put("expires", agreement.expires().map(LocalDate::toString).orElse(null))
                .put("inForce", agreement.inForceOn(today));
        agreement.categories().forEach(node.putArray("categories")::add);
        agreement.redisclosure().forEach(node.putArray("redisclosure")::add);
        node.put("requestRules", agreement.requestRules().orElse(null));
        Optional<AgreementRevocation> revocation = services.revocations().agreementInForce(agreement.id());
        node.put("revoked", revocation.isPresent());
        revocation.ifPresent(r -> revocationJson(node.putObject("revocation"), r));
        return node;
    }

    private static ObjectNode revocationJson(ObjectNode node, AgreementRevocation revocation) {
        return node.put("at", revocation.at().toString()).put("by", revocation.by()).put("reason", revocation.reason());
    }
}
