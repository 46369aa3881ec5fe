package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.safegate.SafegateException;
import org.safegate.admin.StandingBodies.RevocationBody;
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

    record Agreements(List<AgreementBody> agreements) {
    }

    /** {@code expires} and {@code requestRules} are {@code null} when none; {@code revocation} only when revoked. */
    record AgreementBody(String id, String provider, String recipient, String authority, String purpose,
                         String effective, String expires, boolean inForce, List<String> categories,
                         List<String> redisclosure, String requestRules, boolean revoked,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RevocationBody revocation) {
    }

    record Revoked(String agreement, boolean revoked, String at, String by, String reason, String notice) {
    }

    record Reinstated(String agreement, boolean revoked, String reason) {
    }

    AgreementEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse list(ApiRequest request) {
        PolicySet set = services.policies().get();
        return Json.ok(new Agreements(set.agreements().stream().map(this::describe).toList()));
    }

    ApiResponse one(ApiRequest request) {
        return Json.ok(describe(known(request.path("id"))));
    }

    /** Revokes at once: the very next decision under the agreement reads the store and is denied. */
    ApiResponse revoke(ApiRequest request, String operator) {
        Agreement agreement = known(request.path("id"));
        Json.RevokeBody body = Json.revocation(request);
        AgreementRevocation revocation = services.agreementAccess().revoke(agreement.id(), body.reason(),
                body.notice(), operator, ORIGIN);
        return Json.ok(new Revoked(revocation.agreement(), true, revocation.at().toString(), revocation.by(),
                revocation.reason(), revocation.notice().orElse(null)));
    }

    /** Lifts a revocation in force (409 NOT_REVOKED when there is none). */
    ApiResponse reinstate(ApiRequest request, String operator) {
        Agreement agreement = known(request.path("id"));
        String reason = Json.reason(request);
        services.agreementAccess().reinstate(agreement.id(), reason, operator, ORIGIN);
        return Json.ok(new Reinstated(agreement.id(), false, reason));
    }

    /** An unknown agreement is 404 before any body is read, as for agencies. */
    private Agreement known(String id) {
        return services.policies().get().agreement(id).orElseThrow(() -> SafegateException.notFound("agreement", id));
    }

    private AgreementBody describe(Agreement agreement) {
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        Optional<AgreementRevocation> revocation = services.revocations().agreementInForce(agreement.id());
        return new AgreementBody(agreement.id(), agreement.provider(), agreement.recipient(), agreement.authority(),
                agreement.purpose(), agreement.effective().toString(),
                agreement.expires().map(LocalDate::toString).orElse(null), agreement.inForceOn(today),
                List.copyOf(agreement.categories()), List.copyOf(agreement.redisclosure()),
                agreement.requestRules().orElse(null), revocation.isPresent(),
                revocation.map(r -> RevocationBody.of(r.at(), r.by(), r.reason(), r.notice())).orElse(null));
    }
}
