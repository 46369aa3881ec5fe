package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.admin.StandingBodies.ReasonBody;
import org.safegate.admin.StandingBodies.RevocationBody;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.operator.SafeguardEvents;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.Revocation;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.UpcomingWindow;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.PolicySet;

/** {@code /api/agencies...}: read agencies; revoke, reinstate; record safeguard events. */
final class AgencyEndpoints {
    /** How far ahead an agency's answer looks for what stops being current. */
    private static final UpcomingWindow AHEAD = UpcomingWindow.ofDays(365);

    private final AdminServices services;
    private final UpcomingChanges upcoming;

    record Agencies(List<AgencyBody> agencies) {
    }

    /**
     * {@code status} ({@code current}, {@code not-current} or {@code provider-only}), {@code current}
     * and {@code reasons}: the agency's standing today, as {@code policy check} states it;
     * {@code upcoming}: what stops being current for it within a year, as {@code GET /api/policy/upcoming}
     * says it; {@code revocation} only when revoked.
     */
    record AgencyBody(String id, String name, String certificate, Endpoints endpoints, List<String> provides,
                      List<String> receives, String status, boolean current, List<ReasonBody> reasons,
                      List<UpcomingEndpoint.Item> upcoming, boolean revoked,
                      @JsonInclude(JsonInclude.Include.NON_NULL) RevocationBody revocation) {
    }

    record Endpoints(EndpointBody outbox, EndpointBody inbox) {
    }

    /** {@code host}, {@code port} and {@code user} only for an endpoint that has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EndpointBody(String type, String path, String host, Integer port, String user) {
        static EndpointBody of(Endpoint endpoint) {
            return new EndpointBody(endpoint.type().name().toLowerCase(java.util.Locale.ROOT), endpoint.path(),
                    endpoint.host().orElse(null), endpoint.port().orElse(null), endpoint.user().orElse(null));
        }
    }

    record Revoked(String agency, boolean revoked, String at, String by, String reason, String notice) {
    }

    record Reinstated(String agency, boolean revoked, String reason) {
    }

    /** The safeguard file before and after the event, and whether the agency is now current. */
    record SafeguardRecorded(String agency, String eventType, String file, String before, String after,
                             String status, boolean current, List<ReasonBody> reasons) {
    }

    AgencyEndpoints(AdminServices services) {
        this.services = services;
        this.upcoming = UpcomingChanges.forKeyStore(services.keys(), services.gate().recalls());
    }

    ApiResponse list(ApiRequest request) {
        return Json.ok(all());
    }

    ApiResponse one(ApiRequest request) {
        return Json.ok(one(request.path("id")));
    }

    /** Every agency of the running set with its standing: the API's answer and the command line's. */
    Agencies all() {
        PolicySet set = services.policies().get();
        return new Agencies(set.agencies().stream().map(agency -> describe(set, agency)).toList());
    }

    /** One agency with its standing; NOT_FOUND naming it when the policy set has no such agency. */
    AgencyBody one(String id) {
        PolicySet set = services.policies().get();
        return describe(set, agency(set, id));
    }

    /** Revokes at once: the very next decision for the agency reads the store and is denied. Audited. */
    ApiResponse revoke(ApiRequest request, String operator) {
        Agency agency = agency(services.policies().get(), request.path("id"));
        Json.RevokeBody body = Json.revocation(request);
        String reason = body.reason();
        Revocation revocation = new Revocation(agency.id(), services.clock().instant(), operator, reason, body.notice());
        services.revocations().revoke(revocation);
        services.audit().append(AuditEntry.builder(AuditEventType.AGENCY_REVOKED, operator).origin("admin API")
                .object(agency.id()).change("revoked: " + reason + body.notice().map(n -> "; notice: " + n).orElse(""))
                .build());
        return Json.ok(new Revoked(agency.id(), true, revocation.at().toString(), revocation.by(),
                revocation.reason(), revocation.notice().orElse(null)));
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
        return Json.ok(new Reinstated(agency.id(), false, reason));
    }

    /** Checked here (agency, JSON object), then handed to the safeguard service, which validates the event. */
    ApiResponse safeguardEvent(ApiRequest request, String operator) {
        Agency agency = agency(services.policies().get(), request.path("id"));
        return Json.ok(safeguardEvent(agency.id(), Json.body(request), operator));
    }

    /** Records the event for the agency (NOT_FOUND naming it when unknown) and says where it stands now. */
    SafeguardRecorded safeguardEvent(String agencyId, ObjectNode event, String operator) {
        Agency agency = agency(services.policies().get(), agencyId);
        SafeguardEvents.SafeguardChange change = services.safeguardEvents().record(agency.id(), event, operator);
        PolicyStatus.AgencyStatus standing = standing(services.policies().get(), agency);
        return new SafeguardRecorded(change.agency(), change.eventType(), change.file(), change.before(),
                change.after(), standing.standing().key(), standing.standing() == PolicyStatus.Standing.CURRENT,
                ReasonBody.of(standing.reasons()));
    }

    /**
     * How the agency stands today, evaluated and worded as {@code policy check} does: current, or
     * every reason it is not (what the next decision will read), or provider only.
     */
    private PolicyStatus.AgencyStatus standing(PolicySet set, Agency agency) {
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        return PolicyStatus.standing(set, services.gate(), agency, today);
    }

    private static Agency agency(PolicySet set, String id) {
        return set.agency(id).orElseThrow(() -> SafegateException.notFound("agency", id));
    }

    private AgencyBody describe(PolicySet set, Agency agency) {
        List<String> provides = set.agreements().stream().filter(a -> a.provider().equals(agency.id()))
                .map(Agreement::id).toList();
        List<String> receives = set.agreements().stream().filter(a -> a.recipient().equals(agency.id()))
                .map(Agreement::id).toList();
        PolicyStatus.AgencyStatus standing = standing(set, agency);
        Optional<Revocation> revocation = services.revocations().inForce(agency.id());
        LocalDate today = LocalDate.ofInstant(services.clock().instant(), ZoneOffset.UTC);
        List<UpcomingEndpoint.Item> upcoming = this.upcoming.within(set, today, AHEAD).stream()
                .filter(change -> change.affects(agency.id())).map(change -> UpcomingEndpoint.Item.of(today, change))
                .toList();
        return new AgencyBody(agency.id(), agency.name(), agency.certificate().toString(),
                new Endpoints(EndpointBody.of(agency.outbox()), EndpointBody.of(agency.inbox())), provides, receives,
                standing.standing().key(), standing.standing() == PolicyStatus.Standing.CURRENT,
                ReasonBody.of(standing.reasons()), upcoming, revocation.isPresent(),
                revocation.map(r -> RevocationBody.of(r.at(), r.by(), r.reason(), r.notice())).orElse(null));
    }
}
