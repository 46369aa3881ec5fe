package org.safegate.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the API answers: a status, a content type, and the body as bytes or, for large exports, as
 * a temporary file that the server streams and then deletes.
 */
public record ApiResponse(int status, String contentType, byte[] body, Optional<Path> file, Map<String, String> headers) {
    public static final String JSON = "application/json";

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), Optional.empty(), Map.of());
    }

    public static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), Optional.empty(), Map.of());
    }

    public static ApiResponse file(String contentType, Path file) {
        return new ApiResponse(200, contentType, new byte[0], Optional.of(file), Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, file, more);
    }
}
