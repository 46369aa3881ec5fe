package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /api/openapi.json}: an OpenAPI 3 document made from {@link ApiOperation}, so it lists every route. */
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
    private static final List<String> AUDIT_FILTERS = List.of("agency", "agreement", "outcome", "reason", "from", "to",
            "transfer");
    private static final Map<ApiOperation, List<String>> QUERY = Map.of(
            ApiOperation.POLICY_STATUS, List.of("at"),
            ApiOperation.TRANSFERS, List.of("state"),
            ApiOperation.AUDIT_EVENTS, concat(AUDIT_FILTERS, "limit"),
            ApiOperation.AUDIT_EXPORT, concat(AUDIT_FILTERS, "format"),
            ApiOperation.AUDIT_REPORT, List.of("from", "to"));

    private final String json;

    OpenApiDocument(String version) {
        this.json = Json.write(build(version));
    }

    ApiResponse serve(ApiRequest request) {
        return ApiResponse.json(200, json);
    }

    private static ObjectNode build(String version) {
        ObjectNode root = Json.object().put("openapi", "3.0.3");
        root.putObject("info").put("title", "Safegate admin API").put("version", version)
                .put("description", "Operators' API of a running Safegate gateway. HTTPS only; HTTP Basic with an"
                        + " operator's password, or a Bearer API token (<operator>.<name>.<secret>).");
        ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic");
        schemes.putObject("token").put("type", "http").put("scheme", "bearer");
        ObjectNode error = ((ObjectNode) root.get("components")).putObject("schemas").putObject("Error")
                .put("type", "object");
        error.putArray("required").add("code").add("message");
        ObjectNode properties = error.putObject("properties");
        properties.putObject("code").put("type", "string");
        properties.putObject("message").put("type", "string");
        properties.putObject("field").put("type", "string");
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
        for (String name : QUERY.getOrDefault(operation, List.of())) {
            parameters.addObject().put("name", name).put("in", "query").put("required", name.equals("format"))
                    .putObject("schema").put("type", "string");
        }
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
        if (REASON_BODY.contains(operation)) {
            ObjectNode schema = node.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema").put("type", "object");
            schema.putArray("required").add("reason");
            schema.putObject("properties").putObject("reason").put("type", "string").put("maxLength", Json.MAX_TEXT);
            OPTIONAL_BODY_MEMBERS.getOrDefault(operation, List.of()).forEach(name -> ((ObjectNode) schema
                    .get("properties")).putObject(name).put("type", "string"));
        } else if (operation == ApiOperation.SAFEGUARD_EVENT) {
            node.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .putObject("schema").put("type", "object");
        }
        ObjectNode responses = node.putObject("responses");
        responses.putObject("200").put("description", "done");
        if (operation.detailPower().isPresent()) {
            error(responses, "401", "credentials sent and not valid");
            error(responses, "429", "too many failed logins; see Retry-After");
        }
        if (operation.power().isPresent()) {
            error(responses, "400", "bad input; the field is named");
            error(responses, "401", "no valid credentials");
            error(responses, "403", "the operator's roles lack " + operation.power().get().permission() + " (audited)");
            error(responses, "429", "too many failed logins; see Retry-After");
        }
        if (operation.path().contains("{")) {
            error(responses, "404", "no such id");
        }
        if (operation == ApiOperation.HEALTH) {
            responses.putObject("503").put("description", "not ready: store, keys or an endpoint unusable");
        }
        return node;
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Error");
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    private static List<String> concat(List<String> list, String more) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
