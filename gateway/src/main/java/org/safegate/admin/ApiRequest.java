package org.safegate.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the API sees it, independent of the server that received it.
 *
 * @param pathParameters the values of the operation's {@code {name}} parameters
 * @param query          query parameters (the first value of each)
 * @param authorization  the Authorization header, if any (never logged)
 * @param clientAddress  the client's address, for rate limiting and the audit log
 * @param contentType    the Content-Type header, if any
 * @param body           the request body (empty when there is none)
 */
public record ApiRequest(Map<String, String> pathParameters, Map<String, String> query, Optional<String> authorization,
                         String clientAddress, Optional<String> contentType, byte[] body) {
    public ApiRequest {
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) {
            throw ApiProblem.badInput(name, name + " is missing from the path");
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
