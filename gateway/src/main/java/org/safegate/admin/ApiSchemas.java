package org.safegate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The component schemas of the OpenAPI document (JSON Schema 2020-12, as OpenAPI 3.1 takes it):
 * one per shape the API answers with, named in {@link ApiOperation}'s responses, and the problem
 * of every error. A property is required unless its name ends in {@code ?} (members absent when
 * they do not apply); a member that may be {@code null} says so in its type.
 */
final class ApiSchemas {
    static final String REF = "#/components/schemas/";

    private final ObjectNode schemas = Json.object();

    private ApiSchemas() {
    }

    static ObjectNode all() {
        ApiSchemas s = new ApiSchemas();
        s.shapes();
        return s.schemas;
    }

    private void shapes() {
        object("Problem", "RFC 9457 problem details, with the code clients match on", "type", str(), "title", str(),
                "status", integer(), "detail", str(), "code", str(), "message", str(), "field?", str(),
                "errors?", array(ref("PolicyProblem")));
        object("Reason", null, "code", str(), "message", str());
        object("Revocation", null, "at", str(), "by", str(), "reason", str(), "notice", nullable(str()));
        object("Health", "UP, DEGRADED (the policy files on disk were rejected; the previous set runs) or DOWN to"
                + " anyone; the node that answers, live, checks and reason only with a login", "status",
                values("UP", "DEGRADED", "DOWN"), "node?", str(),
                "live?", str(), "checks?", shape(null, "store", str(), "keys", str(), "endpoints", map(str()),
                        "policy", str()), "reason?", str());
        object("OpenApi", "this document", "openapi", str(), "info", Json.object().put("type", "object"),
                "paths", Json.object().put("type", "object"));
        ((ObjectNode) schemas.get("OpenApi")).remove("additionalProperties"); // servers, components, ...
        object("AgencyStanding", null, "id", str(), "name", str(), "status", standing(), "current", bool(),
                "reasons", array(ref("Reason")));
        object("AgreementDecision", null, "id", str(), "provider", str(), "recipient", str(), "authority", str(),
                "effective", date(), "expires", nullable(date()), "permitted", bool(), "categories", array(str()),
                "reasons", array(ref("Reason")));
        object("PolicyStatus", null, "at", date(), "agencies", array(ref("AgencyStanding")),
                "agreements", array(ref("AgreementDecision")));
        object("UpcomingChange", "something that stops being current, on the first day the gate refuses",
                "day", date(), "inDays", integer(), "agency", nullable(str()), "agreement", nullable(str()),
                "kind", str(), "reason", str(), "what", str());
        object("PolicyUpcoming", null, "at", date(), "within", str(), "until", date(),
                "upcoming", array(ref("UpcomingChange")));
        object("PolicyProblem", null, "file", str(), "line", integer(), "field", nullable(str()), "code", str(),
                "message", str());
        object("PolicyReloaded", null, "reloaded", bool(), "agencies", integer(), "agreements", integer(),
                "operators", integer(), "warnings", array(ref("PolicyProblem")));
        object("Endpoint", null, "type", str(), "path", nullable(str()), "host?", str(), "port?", integer(),
                "user?", str());
        object("Agency", null, "id", str(), "name", str(), "certificate", str(),
                "endpoints", shape(null, "outbox", ref("Endpoint"), "inbox", ref("Endpoint")),
                "provides", array(str()), "receives", array(str()), "status", standing(), "current", bool(),
                "reasons", array(ref("Reason")), "upcoming", array(ref("UpcomingChange")), "revoked", bool(),
                "revocation?", ref("Revocation"));
        object("Agencies", null, "agencies", array(ref("Agency")));
        object("AgencyRevoked", null, "agency", str(), "revoked", bool(), "at", str(), "by", str(), "reason", str(),
                "notice", nullable(str()));
        object("AgencyReinstated", null, "agency", str(), "revoked", bool(), "reason", str());
        object("SafeguardRecorded", null, "agency", str(), "eventType", str(), "file", str(), "before", str(),
                "after", str(), "status", standing(), "current", bool(), "reasons", array(ref("Reason")));
        object("Transfer", null, "id", str(), "state", values("held", "quarantined"), "sender", str(),
                "agreement", nullable(str()), "name", str(), "since", nullable(str()), "reasons", array(str()));
        object("Transfers", null, "transfers", array(ref("Transfer")));
        object("Node", "one gateway node of the registry; silent: running, but more than three heartbeats missed",
                "id", str(), "host", str(), "pid", integer(), "version", str(), "startedAt", str(),
                "lastHeartbeat", str(), "state", values("running", "silent", "stopped"), "policyVersion", str(),
                "inFlight", integer());
        object("Nodes", null, "nodes", array(ref("Node")));
        object("TransferReleased", null, "id", str(), "state", values("held", "quarantined"), "sender", str(),
                "agreement", nullable(str()), "name", str(), "since", nullable(str()), "reasons", array(str()),
                "released", bool(), "releasedBy", str());
        object("AuditEvent", "one event of the hash-chained audit log", "seq", integer(), "time", str(),
                "type", str(), "actor", str(), "outcome", str(), "reasons", array(str()), "hash", str(),
                "origin?", nullable(str()), "object?", nullable(str()), "transfer?", nullable(str()),
                "provider?", nullable(str()), "recipient?", nullable(str()), "agreement?", nullable(str()),
                "authority?", nullable(str()), "category?", nullable(str()), "payloadDigest?", nullable(str()),
                "size?", nullable(integer()), "records?", nullable(integer()), "decision?", nullable(str()),
                "parent?", nullable(str()), "change?", nullable(str()), "prev?", nullable(str()));
        object("AuditEvents", null, "events", array(ref("AuditEvent")), "count", integer(), "truncated", bool());
        object("TransferLink", "a transfer, its last event, the transfers redisclosed from it, and how it stands"
                + " over the recalls of it (null: not recalled)", "transfer", str(),
                "onward", array(ref("TransferLink")), "type?", str(), "provider?", nullable(str()),
                "recipient?", nullable(str()), "agreement?", nullable(str()),
                "recall", nullableValues("open", "overdue", "disposed", "closed"));
        object("TransferRecall", "a recall the transfer is an item of; overdue: open and past its due date",
                "id", str(), "issuer", str(), "issuedAt", str(), "due", str(),
                "state", values("open", "certified", "closed"), "overdue", bool());
        object("TransferEvents", null, "transfer", str(), "events", array(ref("AuditEvent")),
                "chain", ref("TransferLink"), "recalls", array(ref("TransferRecall")));
        object("AuditVerified", null, "intact", bool(), "events", integer(), "checkpoints", integer(),
                "lastSequence", integer(), "lastHash", nullable(str()), "problem?", str());
        object("DisclosureReport", "disclosures accounted per agreement", "from", nullable(date()),
                "to", nullable(date()), "agreements", map(shape(null, "provider", str(),
                        "transfersDelivered", integer(), "recordsDelivered", integer(), "denied", integer(),
                        "deniedByReason", map(integer()), "quarantined", integer(), "failedOrHeld", integer(),
                        "redisclosed", integer(), "recordsRedisclosed", integer(), "requestFiles", integer(),
                        "requestRecords", integer(), "fromOtherSenders", integer(), "recalled", integer(),
                        "disposed", integer(), "closed", integer(), "open", integer())));
        object("Agreement", null, "id", str(), "provider", str(), "recipient", str(), "authority", str(),
                "purpose", nullable(str()), "effective", date(), "expires", nullable(date()), "inForce", bool(),
                "categories", array(str()), "redisclosure", array(str()), "requestRules", nullable(str()),
                "revoked", bool(), "revocation?", ref("Revocation"));
        object("Agreements", null, "agreements", array(ref("Agreement")));
        object("AgreementRevoked", null, "agreement", str(), "revoked", bool(), "at", str(), "by", str(),
                "reason", str(), "notice", nullable(str()));
        object("AgreementReinstated", null, "agreement", str(), "revoked", bool(), "reason", str());
        object("OperatorUnlocked", null, "operator", str(), "unlocked", bool(), "cleared", integer(), "reason", str(),
                "address?", str());
        object("TokensRevoked", null, "operator", str(), "reason", str(), "revoked", array(str()));
        object("RecallItem", "one delivery to dispose of: in the recall's scope, or passed on from one (parent)",
                "transfer", str(), "holder", str(), "agreement", str(), "deliveredName", str(), "sha256", str(),
                "deliveredAt", str(), "parent", nullable(str()), "recordIds", array(str()),
                "state", values("open", "certified", "closed"), "closure?", ref("RecallClosure"));
        object("RecallClosure", "an officer closed the item without a certificate of disposal", "closedBy", str(),
                "closedAt", str(), "reason", str());
        object("RecallNotice", "the sealed notice to one holder, <inbox>/recalls/<id>.json.p7m; held while its inbox"
                + " cannot take it", "holder", str(), "state", values("pending", "publishing", "delivered"),
                "deliveredAs", nullable(str()), "deliveredAt", nullable(str()), "heldSince", nullable(str()),
                "heldReason", nullable(str()));
        object("Recall", null, "id", str(), "issuer", str(), "issuedAt", str(), "issuedBy", str(), "reason", str(),
                "notice", str(), "due", str(), "open", bool(), "items", array(ref("RecallItem")),
                "notices", array(ref("RecallNotice")));
        object("Recalls", null, "recalls", array(ref("Recall")));
    }

    private void object(String name, String description, Object... properties) {
        schemas.set(name, shape(description, properties));
    }

    /** An object of the properties (name, schema, ...), closed: a member not listed is an error. */
    private static ObjectNode shape(String description, Object... properties) {
        ObjectNode schema = Json.object().put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        ObjectNode members = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (int i = 0; i < properties.length; i += 2) {
            String name = (String) properties[i];
            boolean optional = name.endsWith("?");
            name = optional ? name.substring(0, name.length() - 1) : name;
            members.set(name, (JsonNode) properties[i + 1]);
            if (!optional) {
                required.add(name);
            }
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode str() {
        return Json.object().put("type", "string");
    }

    private static ObjectNode date() {
        return Json.object().put("type", "string").put("format", "date");
    }

    private static ObjectNode integer() {
        return Json.object().put("type", "integer");
    }

    private static ObjectNode bool() {
        return Json.object().put("type", "boolean");
    }

    private static ObjectNode standing() {
        return values("current", "not-current", "provider-only");
    }

    static ObjectNode values(String... values) {
        ObjectNode schema = str();
        ArrayNode list = schema.putArray("enum");
        for (String value : values) {
            list.add(value);
        }
        return schema;
    }

    /** One of the values, or null. */
    private static ObjectNode nullableValues(String... values) {
        ObjectNode schema = values(values);
        schema.putArray("type").add("string").add("null");
        ((ArrayNode) schema.get("enum")).addNull();
        return schema;
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode schema = Json.object().put("type", "array");
        schema.set("items", items);
        return schema;
    }

    private static ObjectNode map(ObjectNode values) {
        ObjectNode schema = Json.object().put("type", "object");
        schema.set("additionalProperties", values);
        return schema;
    }

    static ObjectNode ref(String name) {
        return Json.object().put("$ref", REF + name);
    }

    /** The schema, or null: JSON Schema 2020-12's type list, which OpenAPI 3.1 takes. */
    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.putArray("type").add(schema.path("type").asText()).add("null");
        return copy;
    }
}
