package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safegate.recall.RecallCloser;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3.1 document made from {@link ApiOperation}, so it lists
 * every route with its query parameters, and every answer it can give with its schema
 * ({@link ApiSchemas}): errors as problems, 409, 413 and 503 where they can happen.
 */
final class OpenApiDocument {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z]+)}");
    private static final java.util.Set<ApiOperation> REASON_BODY = java.util.EnumSet.of(ApiOperation.AGENCY_REVOKE,
            ApiOperation.AGENCY_REINSTATE, ApiOperation.AGREEMENT_REVOKE, ApiOperation.AGREEMENT_REINSTATE,
            ApiOperation.OPERATOR_UNLOCK, ApiOperation.OPERATOR_TOKENS_REVOKE);
    /** Members a reason body may also have. */
    private static final Map<ApiOperation, List<String>> OPTIONAL_BODY_MEMBERS = Map.of(
            ApiOperation.OPERATOR_UNLOCK, List.of("address"),
            ApiOperation.OPERATOR_TOKENS_REVOKE, List.of("token"),
            ApiOperation.AGENCY_REVOKE, List.of("notice"),
            ApiOperation.AGREEMENT_REVOKE, List.of("notice"));

    private final String json;

    OpenApiDocument(String version) {
        this.json = Json.write(build(version));
    }

    ApiResponse serve(ApiRequest request) {
        return ApiResponse.json(200, json);
    }

    private static ObjectNode build(String version) {
        ObjectNode root = Json.object().put("openapi", "3.1.0");
        root.putObject("info").put("title", "Safegate admin API").put("version", version)
                .put("description", "Operators' API of a running Safegate gateway. HTTPS only; HTTP Basic with an"
                        + " operator's password, or a Bearer API token (<operator>.<name>.<secret>). Every error is"
                        + " an RFC 9457 problem (application/problem+json); an unknown query parameter is refused.");
        ObjectNode components = root.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic");
        schemes.putObject("token").put("type", "http").put("scheme", "bearer");
        components.set("schemas", ApiSchemas.all());
        ObjectNode paths = root.putObject("paths");
        for (ApiOperation operation : ApiOperation.values()) {
            ObjectNode path = paths.has(operation.path()) ? (ObjectNode) paths.get(operation.path())
                    : paths.putObject(operation.path());
            path.set(operation.method().toLowerCase(Locale.ROOT), operation(operation));
        }
        return root;
    }

    private static ObjectNode operation(ApiOperation operation) {
        ObjectNode node = Json.object().put("operationId", camel(operation.name())).put("summary", operation.summary());
        ArrayNode parameters = node.putArray("parameters");
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            parameters.addObject().put("name", matcher.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        for (QueryParameter query : operation.query()) {
            parameters.add(parameter(query));
        }
        security(node, operation);
        requestBody(node, operation);
        responses(node.putObject("responses"), operation);
        return node;
    }

    private static ObjectNode parameter(QueryParameter query) {
        ObjectNode parameter = Json.object().put("name", query.name()).put("in", "query")
                .put("required", query.required()).put("description", query.description());
        ObjectNode schema = query.values().isEmpty() ? Json.object() : ApiSchemas.values(query.values()
                .toArray(String[]::new));
        schema.put("type", query.type().equals("integer") ? "integer" : "string");
        if (query.type().equals("date")) {
            schema.put("format", "date");
        }
        query.min().ifPresent(min -> schema.put("minimum", min));
        query.max().ifPresent(max -> schema.put("maximum", max));
        parameter.set("schema", schema);
        return parameter;
    }

    private static void security(ObjectNode node, ApiOperation operation) {
        ArrayNode security = node.putArray("security");
        if (operation.power().isPresent()) {
            security.addObject().putArray("basic");
            security.addObject().putArray("token");
            node.put("x-safegate-permission", operation.power().get().permission());
        }
        operation.detailPower().ifPresent(power -> {
            security.addObject();
            security.addObject().putArray("basic");
            security.addObject().putArray("token");
            node.put("x-safegate-details-permission", power.permission());
        });
    }

    private static void requestBody(ObjectNode node, ApiOperation operation) {
        if (REASON_BODY.contains(operation)) {
            ObjectNode schema = node.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema").put("type", "object");
            schema.putArray("required").add("reason");
            schema.putObject("properties").putObject("reason").put("type", "string").put("maxLength", Json.MAX_TEXT);
            OPTIONAL_BODY_MEMBERS.getOrDefault(operation, List.of()).forEach(name -> ((ObjectNode) schema
                    .get("properties")).putObject(name).put("type", "string"));
        } else if (operation == ApiOperation.RECALL_ISSUE) {
            recallBody(node.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema"));
        } else if (operation == ApiOperation.RECALL_CLOSE) {
            ObjectNode schema = node.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema").put("type", "object")
                    .put("additionalProperties", false);
            schema.putArray("required").add("items").add("reason");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("items").put("type", "array").put("minItems", 1).put("uniqueItems", true)
                    .putObject("items").put("type", "string");
            properties.putObject("reason").put("type", "string").put("maxLength", RecallCloser.MAX_REASON);
        } else if (operation == ApiOperation.SAFEGUARD_EVENT) {
            node.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("type", "object");
        }
    }

    /** {@code POST /api/recalls}: transfers, or an agreement and a period, or requests; the reason and notice required. */
    private static void recallBody(ObjectNode schema) {
        schema.put("type", "object").put("additionalProperties", false);
        schema.putArray("required").add("reason").add("notice");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("transfers").put("type", "array").putObject("items").put("type", "string");
        properties.putObject("agreement").put("type", "string");
        properties.putObject("from").put("type", "string").put("format", "date");
        properties.putObject("to").put("type", "string").put("format", "date");
        properties.putObject("requests").put("type", "array").put("description", "request ids: only the answer"
                + " records of these requests (alone: every answer file that carried them)").putObject("items")
                .put("type", "string");
        properties.putObject("reason").put("type", "string").put("maxLength", Json.MAX_TEXT);
        properties.putObject("notice").put("type", "string").put("maxLength", Json.MAX_TEXT);
        properties.putObject("due").put("type", "string").put("description", "an ISO period such as P30D (default"
                + " safegate.recall.default-due) or a day YYYY-MM-DD");
    }

    private static void responses(ObjectNode responses, ApiOperation operation) {
        ObjectNode ok = responses.putObject(Integer.toString(operation.responses().status()))
                .put("description", operation.responses().status() == 201 ? "created" : "done");
        ObjectNode content = ok.putObject("content");
        ApiResponses answers = operation.responses();
        for (String type : answers.contentTypes()) {
            ObjectNode schema = content.putObject(type).putObject("schema");
            answers.schema().ifPresentOrElse(name -> schema.put("$ref", ApiSchemas.REF + name),
                    () -> schema.put("type", "string"));
        }
        boolean guarded = operation.power().isPresent();
        if (guarded || !operation.query().isEmpty() || operation.writes()) {
            problem(responses, "400", "bad input (an unknown query parameter too); the field is named");
        }
        if (guarded || operation.detailPower().isPresent()) {
            problem(responses, "401", guarded ? "no valid credentials; see WWW-Authenticate"
                    : "credentials sent and not valid; see WWW-Authenticate");
        }
        if (guarded) {
            problem(responses, "403", "the operator's roles lack " + operation.power().get().permission()
                    + " (audited)");
        }
        if (operation == ApiOperation.RECALL_CLOSE) {
            problem(responses, "404", "no such recall, or a transfer named is not one of its items (the detail"
                    + " names it)");
        } else if (operation.path().contains("{")) {
            problem(responses, "404", "no such id");
        } else if (operation == ApiOperation.RECALL_ISSUE) {
            problem(responses, "404", "a transfer named is unknown (the detail names it)");
        }
        answers.conflict().ifPresent(why -> problem(responses, "409", why));
        if (operation.writes()) {
            problem(responses, "413", "the body is larger than the limit");
        }
        if (REASON_BODY.contains(operation) || operation == ApiOperation.SAFEGUARD_EVENT
                || operation == ApiOperation.RECALL_ISSUE || operation == ApiOperation.RECALL_CLOSE) {
            problem(responses, "415", "the body is not sent as application/json");
        }
        if (guarded || operation.detailPower().isPresent()) {
            problem(responses, "429", "too many failed logins; see Retry-After");
        }
        if (operation == ApiOperation.HEALTH) {
            ObjectNode down = responses.putObject("503").put("description",
                    "not ready: store, keys or an endpoint unusable");
            down.putObject("content").putObject(ApiResponse.JSON).putObject("schema")
                    .put("$ref", ApiSchemas.REF + "Health");
        } else if (guarded) {
            problem(responses, "503", "the gateway cannot do this now (store or keys), or every place to check a"
                    + " password is taken; see Retry-After");
        }
    }

    private static void problem(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content")
                .putObject(Problems.CONTENT_TYPE).putObject("schema").put("$ref", ApiSchemas.REF + "Problem");
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
