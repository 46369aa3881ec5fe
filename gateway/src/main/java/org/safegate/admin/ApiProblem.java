package org.safegate.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * A request the admin API answers with an error: a stable code, the HTTP status it maps to, a
 * sentence, and for bad input the field that is wrong, rendered as
 * {@code {"code": ..., "message": ..., "field": ...}}. Only the HTTP layer throws it, for errors of
 * the exchange itself (a bad path, query parameter or body, credentials, throttling); the operator
 * services throw {@link org.safegate.SafegateException}, which {@link ErrorStatuses} maps to one.
 */
public final class ApiProblem extends RuntimeException {
    /** The kinds of error the API distinguishes, with their HTTP status. */
    public enum Kind {
        BAD_INPUT(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409),
        PAYLOAD_TOO_LARGE(413), TOO_MANY_REQUESTS(429), UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;

    public ApiProblem(Kind kind, String code, String message, String field) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static ApiProblem badInput(String field, String message) {
        return new ApiProblem(Kind.BAD_INPUT, "BAD_INPUT", message, field);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(Kind.NOT_FOUND, "NOT_FOUND", "no " + what + " '" + id + "'", null);
    }

    public static ApiProblem conflict(String message) {
        return new ApiProblem(Kind.CONFLICT, "CONFLICT", message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
