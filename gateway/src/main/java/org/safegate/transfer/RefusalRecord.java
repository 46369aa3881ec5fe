package org.safegate.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A refusal as the transfer journal keeps it (JSON): the outcome, when it was decided, and what the
 * audit event, reason file and receipt say. A run that resumes an interrupted refusal finishes it
 * from this record, never from a new decision, so the sender is told the same thing once.
 */
record RefusalRecord(Receipt.Outcome outcome, Instant at, Transfer ended) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keeps the record inside its journal column however long a reason's sentence is. */
    private static final int LONGEST_MESSAGE = 4000;
    private static final int MOST_REASONS = 20;

    /**
     * The record as it will be stored: over-long sentences shortened, so that what the first run
     * writes is exactly what a resumed run would write.
     */
    RefusalRecord bounded() {
        List<Receipt.Reason> reasons = ended.reasons().stream().limit(MOST_REASONS)
                .map(r -> new Receipt.Reason(r.code(), r.message().length() > LONGEST_MESSAGE
                        ? r.message().substring(0, LONGEST_MESSAGE) + "..." : r.message())).toList();
        String note = ended.note().map(n -> n.length() > LONGEST_MESSAGE ? n.substring(0, LONGEST_MESSAGE) : n)
                .orElse(null);
        return new RefusalRecord(outcome, at, ended.withReasons(reasons).withNote(Optional.ofNullable(note)));
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("outcome", outcome.name());
        node.put("at", at.toString());
        node.put("transfer", ended.transferId());
        node.put("sender", ended.sender());
        node.put("recipient", ended.recipient());
        node.put("agreement", ended.agreement());
        node.put("authority", ended.authority());
        node.put("category", ended.category());
        node.put("name", ended.name());
        node.put("sha256", ended.sha256());
        node.put("size", ended.size());
        node.put("parent", ended.parentTransfer().orElse(null));
        node.put("records", ended.records().orElse(null));
        node.put("note", ended.note().orElse(null));
        ArrayNode reasons = node.putArray("reasons");
        ended.reasons().forEach(r -> reasons.addObject().put("code", r.code()).put("message", r.message()));
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RefusalRecord fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the journaled refusal cannot be read", e);
        }
        List<Receipt.Reason> reasons = new ArrayList<>();
        node.path("reasons").forEach(r -> reasons.add(new Receipt.Reason(r.path("code").asText(),
                r.path("message").asText())));
        // the record's own shape, field by field: it is read back exactly as toJson wrote it
        Transfer ended = new Transfer(node.path("transfer").asText(),
                node.path("sender").asText(), node.path("recipient").asText(), node.path("agreement").asText(),
                node.path("authority").asText(), node.path("category").asText(), node.path("name").asText(),
                node.path("sha256").asText(), node.path("size").asLong(), text(node, "parent"), Optional.empty(),
                reasons, node.hasNonNull("records") ? Optional.of(node.get("records").asLong()) : Optional.empty(),
                text(node, "note"));
        return new RefusalRecord(Receipt.Outcome.valueOf(node.path("outcome").asText()),
                Instant.parse(node.path("at").asText()), ended);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
