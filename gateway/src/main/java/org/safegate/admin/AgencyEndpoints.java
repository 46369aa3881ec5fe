package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.operator.SafeguardEvents;
import org.safegate.policy.Decision;
import org.safegate.policy.Revocation;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.PolicySet;

/** {@code /api/agencies...}: read agencies; revoke, reinstate; record safeguard events. */
final class AgencyEndpoints {
    private final AdminServices services;

    AgencyEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse list(ApiRequest request) {
        PolicySet set = services.policies().get();
        ObjectNode root = Json.object();
        ArrayNode agencies = root.putArray("agencies");
        set.agencies().forEach(agency -> agencies.add(describe(set, agency)));
        return Json.ok(root);
    }

    ApiResponse one(ApiRequest request) {
        PolicySet set = services.policies().get();
        return Json.ok(describe(set, agency(set, request.path("id"))));
    }

    /** Revokes at once: the very next decision for the agency reads the store and is denied. Audited. */
    ApiResponse revoke(ApiRequest request, String operator) {
        Agency agency = agency(services.policies().get(), request.path("id"));
        String reason = Json.reason(request);
        Revocation revocation = new Revocation(agency.id(), services.clock().instant(), operator, reason);
        services.revocations().revoke(revocation);
        services.audit().append(AuditEntry.builder(AuditEventType.AGENCY_REVOKED, operator).origin("admin API")
                .object(agency.id()).change("revoked: " + reason).build());
        return Json.ok(revocationJson(Json.object().put("agency", agency.id()).put("revoked", true), revocation));
    }

    /** Lifts a revocation in force (409 when there is none). Audited. */
    ApiResponse reinstate(ApiRequest request, String operator) {
        Agency agency = agency(services.policies().get(), request.path("id"));
        String reason = Json.reason(request);
        if (!services.revocations().reinstate(agency.id())) {
            throw new SafegateException(ErrorCode.NOT_REVOKED, agency.id() + " is not revoked");
        }
        services.audit().append(AuditEntry.builder(AuditEventType.AGENCY_REINSTATED, operator).origin("admin API")
                .object(agency.id()).change("reinstated: " + reason).build());
        return Json.ok(Json.object().put("agency", agency.id()).put("revoked", false).put("reason", reason));
    }

    /** Checked here (agency, JSON object), then handed to the safeguard service, which validates the event. */
    ApiResponse safeguardEvent(ApiRequest request, String operator) {
        Agency agency = agency(services.policies().get(), request.path("id"));
        ObjectNode event = Json.body(request);
        SafeguardEvents.SafeguardChange change = services.safeguardEvents().record(agency.id(), event, operator);
        ObjectNode node = Json.object().put("agency", change.agency()).put("eventType", change.eventType())
                .put("file", change.file()).put("before", change.before()).put("after", change.after());
        standing(node, agency.id());
        return Json.ok(node);
    }

    /** Whether the agency is current today, and every reason it is not: what the next decision will read. */
    private void standing(ObjectNode node, String agencyId) {
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        Decision status = services.gate().status(agencyId, today);
        node.put("current", status.permitted());
        ArrayNode reasons = node.putArray("reasons");
        status.reasons().forEach(r -> reasons.addObject().put("code", r.code().name()).put("message", r.message()));
    }

    private static Agency agency(PolicySet set, String id) {
        return set.agency(id).orElseThrow(() -> SafegateException.notFound("agency", id));
    }

    private ObjectNode describe(PolicySet set, Agency agency) {
        ObjectNode node = Json.object().put("id", agency.id()).put("name", agency.name())
                .put("certificate", agency.certificate().toString());
        ObjectNode endpoints = node.putObject("endpoints");
        endpoints.set("outbox", endpoint(agency.outbox()));
        endpoints.set("inbox", endpoint(agency.inbox()));
        ArrayNode provides = node.putArray("provides");
        ArrayNode receives = node.putArray("receives");
        set.agreements().forEach(agreement -> {
            if (agreement.provider().equals(agency.id())) {
                provides.add(agreement.id());
            }
            if (agreement.recipient().equals(agency.id())) {
                receives.add(agreement.id());
            }
        });
        standing(node, agency.id());
        Optional<Revocation> revocation = services.revocations().inForce(agency.id());
        node.put("revoked", revocation.isPresent());
        revocation.ifPresent(r -> revocationJson(node.putObject("revocation"), r));
        return node;
    }

    private static ObjectNode revocationJson(ObjectNode node, Revocation revocation) {
        return node.put("at", revocation.at().toString()).put("by", revocation.by()).put("reason", revocation.reason());
    }

    private static ObjectNode endpoint(Endpoint endpoint) {
        ObjectNode node = Json.object().put("type", endpoint.type().name().toLowerCase(java.util.Locale.ROOT))
                .put("path", endpoint.path());
        endpoint.host().ifPresent(h -> node.put("host", h));
        endpoint.port().ifPresent(p -> node.put("port", p));
        endpoint.user().ifPresent(u -> node.put("user", u));
        return node;
    }
}
