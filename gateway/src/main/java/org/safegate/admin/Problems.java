package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}): {@code type}
 * (a URN per code), {@code title} (per status), {@code status}, {@code detail}; and the members
 * clients have always matched on, {@code code}, {@code message} (the same sentence as
 * {@code detail}) and {@code field} when one is to blame. Also the answers for requests that reach
 * no operation (unknown path, wrong method, a body far too large), which the HTTP server makes.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** The challenge of every 401: both ways to log in. */
    public static final String CHALLENGE = "Bearer realm=\"safegate\", Basic realm=\"safegate\", charset=\"UTF-8\"";
    private static final String TYPE = "urn:safegate:problem:";

    private Problems() {
    }

    /** {@code errors}: for a refused policy reload, every problem of the folder; absent otherwise. */
    record Body(String type, String title, int status, String detail, String code, String message,
                @JsonInclude(JsonInclude.Include.NON_NULL) String field,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<?> errors) {
    }

    static ApiResponse of(ApiProblem problem) {
        return of(problem, null);
    }

    static ApiResponse of(ApiProblem problem, List<?> errors) {
        ApiProblem.Kind kind = problem.kind();
        Body body = new Body(type(problem.code()), kind.title(), kind.status(), problem.getMessage(), problem.code(),
                problem.getMessage(), problem.field().orElse(null), errors);
        ApiResponse response = ApiResponse.text(kind.status(), CONTENT_TYPE, Json.write(body));
        return kind == ApiProblem.Kind.UNAUTHORIZED ? response.withHeader("WWW-Authenticate", CHALLENGE) : response;
    }

    /** 404 for a path no operation has. */
    public static ApiResponse noSuchPath(String method, String path) {
        return of(new ApiProblem(ApiProblem.Kind.NOT_FOUND, "NOT_FOUND", "the API has no " + printable(path)
                + "; GET /api/openapi.json lists every operation", null));
    }

    /** 405 with {@code Allow} for a path whose operations take other methods (empty {@code allowed}: none). */
    public static ApiResponse methodNotAllowed(String method, String path, List<String> allowed) {
        if (allowed.isEmpty()) {
            return noSuchPath(method, path);
        }
        String methods = String.join(", ", allowed);
        return of(new ApiProblem(ApiProblem.Kind.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", printable(method)
                + " is not allowed on " + printable(path) + "; use " + methods, null)).withHeader("Allow", methods);
    }

    /** 413 for a body the server refused before the API saw it. */
    public static ApiResponse bodyTooLarge(long limit) {
        return of(tooLarge(limit));
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(ApiProblem.Kind.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "the body is larger than " + limit + " bytes", "body");
    }

    /** Any other failure before the API: its status and title, no detail (the server's log has it). */
    public static ApiResponse status(int status) {
        for (ApiProblem.Kind kind : ApiProblem.Kind.values()) {
            if (kind.status() == status) {
                return of(new ApiProblem(kind, kind.name(), kind.title().toLowerCase(Locale.ROOT), null));
            }
        }
        return of(new ApiProblem(ApiProblem.Kind.INTERNAL, "INTERNAL_ERROR",
                "the request failed inside the gateway; see its log", null));
    }

    private static String type(String code) {
        return TYPE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A path or method from the request line, cut and stripped of control characters before it is echoed. */
    private static String printable(String text) {
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
