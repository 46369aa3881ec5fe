package org.safegate.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON in and out of the API: request bodies read strictly, every problem naming its field. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Free text (a reason) longer than this is refused rather than cut. */
    static final int MAX_TEXT = 1000;

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ApiResponse ok(JsonNode node) {
        return ApiResponse.json(200, write(node));
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"code", "message", "field"?}} */
    static ApiResponse error(ApiProblem problem) {
        ObjectNode node = object().put("code", problem.code()).put("message", problem.getMessage());
        problem.field().ifPresent(field -> node.put("field", field));
        return ApiResponse.json(problem.kind().status(), write(node));
    }

    /** The body as a JSON object, or BAD_INPUT naming {@code body} when it is absent, malformed or not an object. */
    static ObjectNode body(ApiRequest request) {
        String type = request.contentType().orElse("application/json").toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw ApiProblem.badInput("Content-Type", "the body must be JSON sent as Content-Type: application/json,"
                    + " not " + type);
        }
        if (request.body().length == 0) {
            throw ApiProblem.badInput("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw ApiProblem.badInput("body", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badInput("body", "unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badInput("body", "must be a JSON object, not " + describe(node));
        }
        return (ObjectNode) node;
    }

    /** A required, non-blank text member of at most {@link #MAX_TEXT} characters. */
    static String requiredText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiProblem.badInput(field, field + " is required");
        }
        if (!value.isTextual()) {
            throw ApiProblem.badInput(field, field + " must be text, not " + describe(value));
        }
        String text = value.textValue().trim();
        if (text.isEmpty()) {
            throw ApiProblem.badInput(field, field + " must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiProblem.badInput(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    /** The body of a revoke or reinstate: exactly {@code {"reason": "..."}}. */
    static String reason(ApiRequest request) {
        ObjectNode body = body(request);
        onlyFields(body, "reason");
        return requiredText(body, "reason");
    }

    /** Refuses members the operation does not know, so a typo is not silently ignored. */
    static void onlyFields(ObjectNode body, String... known) {
        java.util.Set<String> allowed = java.util.Set.of(known);
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw ApiProblem.badInput(name, name + " is not a known field here");
            }
        });
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
