package org.safegate.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * A request the admin API answers with an error: a stable code, the HTTP status it maps to, a
 * sentence, and for bad input the field that is wrong, rendered by {@link Problems} as an RFC 9457
 * problem ({@code application/problem+json}) that keeps {@code code}, {@code message} and {@code field}. Only the HTTP layer throws it, for errors of
 * the exchange itself (a bad path, query parameter or body, credentials, throttling); the operator
 * services throw {@link org.safegate.SafegateException}, which {@link ErrorStatuses} maps to one.
 */
public final class ApiProblem extends RuntimeException {
    /** The kinds of error the API distinguishes, with their HTTP status. */
    public enum Kind {
        BAD_INPUT(400, "Bad input"), UNAUTHORIZED(401, "Credentials required"), FORBIDDEN(403, "Forbidden"),
        NOT_FOUND(404, "Not found"), METHOD_NOT_ALLOWED(405, "Method not allowed"), CONFLICT(409, "Conflict"),
        PAYLOAD_TOO_LARGE(413, "Body too large"), UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        TOO_MANY_REQUESTS(429, "Too many requests"), INTERNAL(500, "Internal error"),
        UNAVAILABLE(503, "Unavailable");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        /** The problem's short, fixed summary ({@code title} of RFC 9457). */
        public String title() {
            return title;
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
