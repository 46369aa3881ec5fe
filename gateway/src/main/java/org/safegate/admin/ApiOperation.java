package org.safegate.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.safegate.operator.Power;

/**
 * Every operation of the admin API: its method, path (with {@code {name}} parameters), the power
 * it needs (none: open to anyone, like the health check), a summary, what it answers and the query
 * parameters it accepts. The routes, the check of query parameters and the OpenAPI document are all
 * made from this list: an operation added here needs nothing else but its endpoint (and, for a new
 * shape of answer, its schema in {@link ApiSchemas}).
 */
public enum ApiOperation {
    HEALTH("GET", "/api/health", null, "Liveness and readiness: UP, DEGRADED (policy files on disk"
            + " rejected, the previous set runs) or DOWN to anyone; with a login (any role) also the store, the keys,"
            + " each agency's endpoints and the policy files' first error", ApiResponses.json("Health")),
    METRICS("GET", "/metrics", Power.METRICS_READ, "Prometheus text format: transfers, bytes, latency, held files,"
            + " audit chain length", ApiResponses.text(PrometheusMetrics.CONTENT_TYPE)),
    OPENAPI("GET", "/api/openapi.json", null, "This API as an OpenAPI 3 document", ApiResponses.json("OpenApi")),
    POLICY_STATUS("GET", "/api/policy/status", Power.POLICY_STATUS, "Each agency's safeguard status and each"
            + " agreement's decision on a day (?at=YYYY-MM-DD, default today)", ApiResponses.json("PolicyStatus"),
            QueryParameter.date("at", "the day to evaluate, default today (UTC)")),
    POLICY_UPCOMING("GET", "/api/policy/upcoming", Power.POLICY_STATUS, "What stops being current within a period,"
            + " each with the day it happens (?within=60d or P60D, default 30d; ?at=YYYY-MM-DD, default today)",
            ApiResponses.json("PolicyUpcoming"), QueryParameter.date("at", "the day to look ahead from, default today (UTC)"),
            QueryParameter.text("within", "the period: Nd or an ISO period such as P60D (default 30d)")),
    POLICY_RELOAD("POST", "/api/policy/reload", Power.POLICY_RELOAD, "Validate the policy folder and load it now",
            ApiResponses.json("PolicyReloaded").orConflict("the policy folder is invalid; the running set stays")),
    AGENCIES("GET", "/api/agencies", Power.AGENCIES_READ, "Every agency with its endpoints, agreements and standing",
            ApiResponses.json("Agencies")),
    AGENCY("GET", "/api/agencies/{id}", Power.AGENCIES_READ, "One agency", ApiResponses.json("Agency")),
    AGENCY_REVOKE("POST", "/api/agencies/{id}/revoke", Power.AGENCIES_REVOKE,
            "Revoke an agency at once: every later file to it is denied; body {\"reason\": \"...\"}",
            ApiResponses.json("AgencyRevoked")),
    AGENCY_REINSTATE("POST", "/api/agencies/{id}/reinstate", Power.AGENCIES_REVOKE,
            "Lift an agency's revocation; body {\"reason\": \"...\"}",
            ApiResponses.json("AgencyReinstated").orConflict("the agency is not revoked (NOT_REVOKED)")),
    SAFEGUARD_EVENT("POST", "/api/agencies/{id}/safeguards/events", Power.SAFEGUARDS_RECORD,
            "Record a safeguard event (review, SSR, finding, CAP) for the agency",
            ApiResponses.json("SafeguardRecorded").orConflict("the safeguard file cannot take the event")),
    TRANSFERS("GET", "/api/transfers", Power.TRANSFERS_READ, "Held or quarantined transfers (?state=held|quarantined)",
            ApiResponses.json("Transfers"), QueryParameter.oneOf("state", false, "only transfers in this state",
                    "held", "quarantined")),
    TRANSFER_RELEASE("POST", "/api/transfers/{id}/release", Power.TRANSFERS_RELEASE,
            "Send a held or quarantined transfer through the pipeline again", ApiResponses.json("TransferReleased")
                    .orConflict("already released, its place in the outbox is taken, or it would only be"
                            + " quarantined again (misplaced, empty, malformed): the detail says what to do instead")),
    AUDIT_EVENTS("GET", "/api/audit/events", Power.AUDIT_READ, "Audit events, oldest first (filters as in"
            + " 'safegate audit list')", ApiResponses.json("AuditEvents"), with(QueryParameter.auditFilters(),
            QueryParameter.integer("limit", 1, AuditEndpoints.MAX_LIST, "at most this many events (default 1000)"))),
    AUDIT_TRANSFER("GET", "/api/audit/events/{transfer}", Power.AUDIT_READ,
            "Every event of one transfer and its redisclosure chain", ApiResponses.json("TransferEvents")),
    AUDIT_VERIFY("GET", "/api/audit/verify", Power.AUDIT_READ, "Verify the hash chain and checkpoint signatures",
            ApiResponses.json("AuditVerified")),
    AUDIT_EXPORT("GET", "/api/audit/export", Power.AUDIT_READ, "Export events (?format=jsonl|csv and the list filters)",
            ApiResponses.text("application/x-ndjson", "text/csv; charset=utf-8"), with(QueryParameter.auditFilters(),
            QueryParameter.oneOf("format", true, "the export's format", "jsonl", "csv"))),
    AUDIT_REPORT("GET", "/api/audit/report", Power.AUDIT_READ, "Accounting of disclosures per agreement"
            + " (?from=&to=)", ApiResponses.json("DisclosureReport"),
            QueryParameter.date("from", "first UTC day, inclusive"), QueryParameter.date("to", "last UTC day, inclusive")),
    AGREEMENTS("GET", "/api/agreements", Power.AGENCIES_READ, "Every agreement with its revocation state",
            ApiResponses.json("Agreements")),
    AGREEMENT("GET", "/api/agreements/{id}", Power.AGENCIES_READ, "One agreement", ApiResponses.json("Agreement")),
    AGREEMENT_REVOKE("POST", "/api/agreements/{id}/revoke", Power.AGREEMENTS_REVOKE,
            "Revoke one agreement at once: every later file under it is denied; body {\"reason\": \"...\"}",
            ApiResponses.json("AgreementRevoked")),
    AGREEMENT_REINSTATE("POST", "/api/agreements/{id}/reinstate", Power.AGREEMENTS_REVOKE,
            "Lift an agreement's revocation; body {\"reason\": \"...\"}",
            ApiResponses.json("AgreementReinstated").orConflict("the agreement is not revoked (NOT_REVOKED)")),
    OPERATOR_UNLOCK("POST", "/api/operators/{id}/unlock", Power.OPERATORS_UNLOCK,
            "Lift another operator's login lockouts on this node, from every address (and an address's own when the"
                    + " body names it); body {\"reason\": \"...\", \"address\": \"...\"}",
            ApiResponses.json("OperatorUnlocked")),
    OPERATOR_TOKENS_REVOKE("POST", "/api/operators/{id}/tokens/revoke", Power.TOKENS_REVOKE,
            "Revoke the operator's API tokens at once, or only the one named, for good; body {\"reason\": \"...\","
                    + " \"token\": \"...\"}",
            ApiResponses.json("TokensRevoked").orConflict("no token is left to revoke (NO_TOKENS_TO_REVOKE)")),
    RECALL_ISSUE("POST", "/api/recalls", Power.RECALL_ISSUE, "Recall delivered data: the transfers named, or every"
            + " delivery under an agreement in a period, and every redisclosure of it downstream; with requests, only"
            + " the answer records of those requests; body {\"transfers\": [...] | \"agreement\", \"from\", \"to\","
            + " \"requests\", \"reason\", \"notice\", \"due\"}",
            ApiResponses.created("Recall")),
    RECALLS("GET", "/api/recalls", Power.RECALL_READ, "Recalls, newest first (?open=true|false, ?holder=AGENCY,"
            + " ?overdue=true|false)",
            ApiResponses.json("Recalls"), QueryParameter.oneOf("open", false, "only recalls with an item open (true)"
                    + " or none (false)", "true", "false"), QueryParameter.text("holder",
                    "only recalls with an item held by this agency"), QueryParameter.oneOf("overdue", false,
                    "only recalls with an item open past its due date today, its holder RECALL_OVERDUE (true), or"
                    + " with none (false)", "true", "false")),
    RECALL("GET", "/api/recalls/{id}", Power.RECALL_READ, "One recall with its items", ApiResponses.json("Recall")),
    RECALL_CLOSE("POST", "/api/recalls/{id}/close", Power.RECALL_CLOSE, "Close recall items without a certificate"
            + " of disposal, every item checked before any is closed; body {\"items\": [transfer ids], \"reason\":"
            + " \"...\"}", ApiResponses.json("Recall").orConflict("an item is already certified or closed (the"
            + " detail names it and its state); nothing is closed")),
    NODES("GET", "/api/nodes", Power.NODES_READ, "Every gateway node on this store: its host, process, version,"
            + " start, last heartbeat, state (running, silent after three missed heartbeats, stopped), policy version"
            + " and transfers in flight", ApiResponses.json("Nodes"));

    private final String method;
    private final String path;
    private final Power power;
    private final String summary;
    private final ApiResponses responses;
    private final List<QueryParameter> query;

    ApiOperation(String method, String path, Power power, String summary, ApiResponses responses,
                 QueryParameter... query) {
        this(method, path, power, summary, responses, List.of(query));
    }

    ApiOperation(String method, String path, Power power, String summary, ApiResponses responses,
                 List<QueryParameter> query) {
        this.method = method;
        this.path = path;
        this.power = power;
        this.summary = summary;
        this.responses = responses;
        this.query = List.copyOf(query);
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

    /** What the operation answers when it succeeds, and when it can answer 409. */
    public ApiResponses responses() {
        return responses;
    }

    /** The query parameters the operation accepts; any other is refused. */
    public List<QueryParameter> query() {
        return query;
    }

    /** Refuses (400, naming it and the ones allowed) a query parameter the operation does not declare. */
    void checkQuery(ApiRequest request) {
        for (String name : new TreeSet<>(request.query().keySet())) {
            if (query.stream().noneMatch(p -> p.name().equals(name))) {
                throw ApiProblem.badInput(name, query.isEmpty()
                        ? "'" + name + "' is not a parameter here; " + method + " " + path + " takes none"
                        : "'" + name + "' is not a parameter here; use " + String.join(", ",
                        query.stream().map(QueryParameter::name).sorted().toList()));
            }
        }
    }

    /** The methods of the operations on the path (a request path such as {@code /api/agencies/ICE}), in order. */
    public static List<String> methodsOf(String requestPath) {
        return Arrays.stream(values()).filter(o -> o.matches(requestPath)).map(ApiOperation::method).distinct()
                .toList();
    }

    private boolean matches(String requestPath) {
        String[] template = path.split("/", -1);
        String[] actual = requestPath.split("/", -1);
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && !actual[i].isEmpty();
            if (!parameter && !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<QueryParameter> with(List<QueryParameter> list, QueryParameter more) {
        List<QueryParameter> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** Whether the operation changes something (and so takes a body and is audited). */
    public boolean writes() {
        return "POST".equals(method);
    }
}
