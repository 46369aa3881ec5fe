package org.safegate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.recall.RecallIssuer;
import org.safegate.recall.RecallScope;

/**
 * The body of {@code POST /api/recalls}, read strictly: {@code transfers} (ids) or {@code agreement}
 * with {@code from} and {@code to} (UTC days, both inclusive), never both; optional {@code requests}
 * (request ids), which narrow either scope or stand alone (with {@code agreement} only to say under
 * which agreement they were made); {@code reason} and {@code notice} required; {@code due} optional.
 * Every problem names its field.
 */
final class RecallRequests {
    private RecallRequests() {
    }

    /** The body of {@code POST /api/recalls/{id}/close}: the items' transfer ids and the reason. */
    record Closing(List<String> items, String reason) {
    }

    /** Read strictly; the closer checks the reason and the items (the CLI on the store says the same). */
    static Closing closing(ObjectNode body) {
        Json.onlyFields(body, "items", "reason");
        return new Closing(body.has("items") ? ids(body, "items") : List.of(),
                optionalText(body, "reason").orElse(null));
    }

    static RecallIssuer.Request read(ObjectNode body) {
        Json.onlyFields(body, "transfers", "agreement", "from", "to", "requests", "reason", "notice", "due");
        RecallScope scope = scope(body);
        // reason and notice are checked (and limited) by the issuer, so the CLI on the store says the same
        return new RecallIssuer.Request(scope, optionalText(body, "reason").orElse(null),
                optionalText(body, "notice").orElse(null), optionalText(body, "due"));
    }

    private static RecallScope scope(ObjectNode body) {
        List<String> requests = body.has("requests") ? ids(body, "requests") : List.of();
        if (body.has("requests") && requests.isEmpty()) {
            throw ApiProblem.badInput("requests", "nothing to recall: the list of requests is empty");
        }
        boolean byAgreement = body.has("agreement") || body.has("from") || body.has("to");
        if (body.has("transfers")) {
            if (byAgreement) {
                throw ApiProblem.badInput("transfers", "give transfers, or agreement with from and to, not both");
            }
            List<String> transfers = ids(body, "transfers");
            if (transfers.isEmpty()) {
                throw ApiProblem.badInput("transfers", "nothing to recall: the list of transfers is empty");
            }
            return new RecallScope(transfers, Optional.empty(), Optional.empty(), Optional.empty(), requests);
        }
        if (!requests.isEmpty() && !body.has("from") && !body.has("to")) {
            // every answer file that carried their answers; the agreement only says which requests are meant
            Optional<String> agreement = body.has("agreement") ? Optional.of(Json.requiredText(body, "agreement"))
                    : Optional.empty();
            return new RecallScope(List.of(), agreement, Optional.empty(), Optional.empty(), requests);
        }
        if (!byAgreement) {
            throw ApiProblem.badInput("transfers", "nothing to recall: give transfers, or agreement with from and to,"
                    + " or requests");
        }
        String agreement = Json.requiredText(body, "agreement");
        LocalDate from = day(body, "from");
        LocalDate to = day(body, "to");
        if (from.isAfter(to)) {
            throw ApiProblem.badInput("from", "from (" + from + ") is after to (" + to + ")");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new RecallScope(List.of(), Optional.of(agreement), Optional.of(start), Optional.of(end), requests);
    }

    private static List<String> ids(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isArray()) {
            throw ApiProblem.badInput(field, field + " must be a list of ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.isTextual() || id.textValue().isBlank()) {
                throw ApiProblem.badInput(field, field + " must hold ids (text), not " + id);
            }
            ids.add(id.textValue().strip());
        }
        return ids;
    }

    private static LocalDate day(ObjectNode body, String field) {
        String text = Json.requiredText(body, field);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badInput(field, field + " must be a day YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static Optional<String> optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiProblem.badInput(field, field + " must be text");
        }
        return Optional.of(value.textValue());
    }
}
