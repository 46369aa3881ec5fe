package org.safegate.admin;

import java.util.Optional;
import org.safegate.operator.Power;

/**
 * Every operation of the admin API: its method, path (with {@code {name}} parameters), the power
 * it needs (none: open to anyone, like the health check) and a summary for the OpenAPI document.
 * The routes and the OpenAPI document are both made from this list.
 */
public enum ApiOperation {
    HEALTH("GET", "/api/health", null, "Liveness and readiness: UP, DEGRADED (policy files on disk"
            + " rejected, the previous set runs) or DOWN to anyone; with a login (any role) also the store, the keys,"
            + " each agency's endpoints and the policy files' first error"),
    METRICS("GET", "/metrics", Power.METRICS_READ, "Prometheus text format: transfers, bytes, latency, held files,"
            + " audit chain length"),
    OPENAPI("GET", "/api/openapi.json", null, "This API as an OpenAPI 3 document"),
    POLICY_STATUS("GET", "/api/policy/status", Power.POLICY_STATUS, "Each agency's safeguard status and each"
            + " agreement's decision on a day (?at=YYYY-MM-DD, default today)"),
    POLICY_RELOAD("POST", "/api/policy/reload", Power.POLICY_RELOAD, "Validate the policy folder and load it now"),
    AGENCIES("GET", "/api/agencies", Power.AGENCIES_READ, "Every agency with its endpoints, agreements and standing"),
    AGENCY("GET", "/api/agencies/{id}", Power.AGENCIES_READ, "One agency"),
    AGENCY_REVOKE("POST", "/api/agencies/{id}/revoke", Power.AGENCIES_REVOKE,
            "Revoke an agency at once: every later file to it is denied; body {\"reason\": \"...\"}"),
    AGENCY_REINSTATE("POST", "/api/agencies/{id}/reinstate", Power.AGENCIES_REVOKE,
            "Lift an agency's revocation; body {\"reason\": \"...\"}"),
    SAFEGUARD_EVENT("POST", "/api/agencies/{id}/safeguards/events", Power.SAFEGUARDS_RECORD,
            "Record a safeguard event (review, SSR, finding, CAP) for the agency"),
    TRANSFERS("GET", "/api/transfers", Power.TRANSFERS_READ, "Held or quarantined transfers (?state=held|quarantined)"),
    TRANSFER_RELEASE("POST", "/api/transfers/{id}/release", Power.TRANSFERS_RELEASE,
            "Send a held or quarantined transfer through the pipeline again"),
    AUDIT_EVENTS("GET", "/api/audit/events", Power.AUDIT_READ, "Audit events, oldest first (filters as in"
            + " 'safegate audit list')"),
    AUDIT_TRANSFER("GET", "/api/audit/events/{transfer}", Power.AUDIT_READ,
            "Every event of one transfer and its redisclosure chain"),
    AUDIT_VERIFY("GET", "/api/audit/verify", Power.AUDIT_READ, "Verify the hash chain and checkpoint signatures"),
    AUDIT_EXPORT("GET", "/api/audit/export", Power.AUDIT_READ, "Export events (?format=jsonl|csv and the list filters)"),
    AUDIT_REPORT("GET", "/api/audit/report", Power.AUDIT_READ, "Accounting of disclosures per agreement"
            + " (?from=&to=)"),
    AGREEMENTS("GET", "/api/agreements", Power.AGENCIES_READ, "Every agreement with its revocation state"),
    AGREEMENT("GET", "/api/agreements/{id}", Power.AGENCIES_READ, "One agreement"),
    AGREEMENT_REVOKE("POST", "/api/agreements/{id}/revoke", Power.AGREEMENTS_REVOKE,
            "Revoke one agreement at once: every later file under it is denied; body {\"reason\": \"...\"}"),
    AGREEMENT_REINSTATE("POST", "/api/agreements/{id}/reinstate", Power.AGREEMENTS_REVOKE,
            "Lift an agreement's revocation; body {\"reason\": \"...\"}"),
    OPERATOR_UNLOCK("POST", "/api/operators/{id}/unlock", Power.OPERATORS_UNLOCK,
            "Lift another operator's login lockouts on this node, from every address (and an address's own when the"
                    + " body names it); body {\"reason\": \"...\", \"address\": \"...\"}"),
    OPERATOR_TOKENS_REVOKE("POST", "/api/operators/{id}/tokens/revoke", Power.TOKENS_REVOKE,
            "Revoke the operator's API tokens at once, or only the one named, for good; body {\"reason\": \"...\","
                    + " \"token\": \"...\"}");

    private final String method;
    private final String path;
    private final Power power;
    private final String summary;

    ApiOperation(String method, String path, Power power, String summary) {
        this.method = method;
        this.path = path;
        this.power = power;
        this.summary = summary;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The power needed; empty for the operations open to anyone. */
    public Optional<Power> power() {
        return Optional.ofNullable(power);
    }

    /**
     * For an operation open to anyone that tells more to an operator who logs in: the power the
     * details need. Credentials, when sent, are checked (and throttled and audited) as anywhere else.
     */
    public Optional<Power> detailPower() {
        return this == HEALTH ? Optional.of(Power.HEALTH_DETAILS) : Optional.empty();
    }

    public String summary() {
        return summary;
    }

    /** Whether the operation changes something (and so takes a body and is audited). */
    public boolean writes() {
        return "POST".equals(method);
    }
}
