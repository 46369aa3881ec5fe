package org.safegate.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.safegate.files.JsonDocuments;

/**
 * JSON in and out of the API: response bodies are records (one per shape, next to the endpoint
 * that answers with it) written by {@link #MAPPER}; request bodies are read strictly, every problem
 * naming its field.
 */
final class Json {
    /**
     * The gateway's document configuration ({@link JsonDocuments#base()}: indented, as the API has
     * always answered), and for reading request bodies also strict: trailing content after the
     * object and a member given twice are refused rather than silently resolved. Fields are written
     * in record component order; a null is written as {@code null} unless the record marks the
     * field {@code @JsonInclude(NON_NULL)} (a member that is absent when it does not apply).
     */
    static final ObjectMapper MAPPER = JsonDocuments.base()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Free text (a reason) longer than this is refused rather than cut. */
    static final int MAX_TEXT = 1000;

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** 200 with {@code body} (a record, or a tree built elsewhere) as JSON. */
    static ApiResponse ok(Object body) {
        return ApiResponse.json(200, write(body));
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every error body: an RFC 9457 problem (see {@link Problems}). */
    static ApiResponse error(ApiProblem problem) {
        return Problems.of(problem);
    }

    /** The body as a JSON object, or BAD_INPUT naming {@code body} when it is absent, malformed or not an object. */
    static ObjectNode body(ApiRequest request) {
        String type = request.contentType().orElse("application/json").toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiProblem(ApiProblem.Kind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "the body must be JSON sent as Content-Type: application/json, not " + type, "Content-Type");
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

    /** What a revoke body says: the internal reason, and the notice other agencies may read. */
    record RevokeBody(String reason, java.util.Optional<String> notice) {
    }

    /** The body of a revoke: {@code {"reason": "...", "notice": "..."}}, the notice optional. */
    static RevokeBody revocation(ApiRequest request) {
        ObjectNode body = body(request);
        onlyFields(body, "reason", "notice");
        String reason = requiredText(body, "reason");
        return new RevokeBody(reason, body.has("notice") ? java.util.Optional.of(requiredText(body, "notice"))
                : java.util.Optional.empty());
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
