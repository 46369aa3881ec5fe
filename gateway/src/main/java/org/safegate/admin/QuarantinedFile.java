package org.safegate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a quarantine folder's {@code reason.json} says. Folders written before {@code source} and
 * {@code agreement} were recorded fall back to {@code path}, the same place in printable form.
 */
record QuarantinedFile(String id, String sender, String source, String path, String agreement, String outcome,
                       Instant time, List<String> codes, List<String> reasons) {

    static QuarantinedFile from(String id, JsonNode reason) {
        String path = required(reason, "path");
        String source = reason.hasNonNull("source") ? reason.get("source").asText() : path;
        Path relative = Path.of(source);
        String agreement = reason.hasNonNull("agreement") ? reason.get("agreement").asText()
                : relative.getNameCount() >= 2 ? relative.getName(0).toString() : "";
        List<String> codes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (JsonNode r : reason.path("reasons")) {
            codes.add(r.path("code").asText());
            reasons.add(r.path("code").asText() + ": " + r.path("message").asText());
        }
        return new QuarantinedFile(id, required(reason, "sender"), source, path, agreement, required(reason, "outcome"),
                Instant.parse(required(reason, "time")), codes, reasons);
    }

    TransferQueue.QueuedTransfer queued() {
        return new TransferQueue.QueuedTransfer(id, TransferQueue.State.QUARANTINED, sender, agreement,
                Path.of(source).getFileName().toString(), time, reasons);
    }

    private static String required(JsonNode reason, String field) {
        JsonNode value = reason.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("reason.json has no " + field);
        }
        return value.asText();
    }
}
