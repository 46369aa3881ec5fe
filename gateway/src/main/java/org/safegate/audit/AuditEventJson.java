package org.safegate.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An audit event as a JSON object, with the member names of docs/audit-format.md. */
public final class AuditEventJson {
    private AuditEventJson() {
    }

    public static ObjectNode of(ObjectMapper json, AuditEvent event) {
        AuditEntry e = event.entry();
        ObjectNode node = json.createObjectNode();
        node.put("seq", event.sequence());
        node.put("time", CanonicalEncoding.formatTime(event.time()));
        node.put("type", e.type().name());
        node.put("actor", e.actor());
        node.put("origin", e.origin());
        node.put("object", e.object());
        node.put("outcome", e.outcome().name());
        node.put("transfer", e.transferId());
        node.put("provider", e.provider());
        node.put("recipient", e.recipient());
        node.put("agreement", e.agreement());
        node.put("authority", e.authority());
        node.put("category", e.category());
        node.put("payloadDigest", e.payloadDigest());
        node.put("size", e.size());
        node.put("records", e.recordCount());
        node.put("decision", e.decision());
        e.reasonCodes().forEach(node.putArray("reasons")::add);
        if (e.reasonCodes().isEmpty()) {
            node.putArray("reasons");
        }
        node.put("parent", e.parentTransfer());
        node.put("change", e.change());
        node.put("prev", event.previousHash());
        node.put("hash", event.hash());
        return node;
    }
}
