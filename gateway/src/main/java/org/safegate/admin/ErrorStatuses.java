package org.safegate.admin;

import java.util.EnumMap;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The one place where an {@link ErrorCode} becomes an HTTP answer. The operator services' codes
 * keep the status and the {@code code} string the API has always answered with (clients match on
 * them); any other input error is 400 under its own code, and any other failure is 503 without its
 * message, which may name folders or keys (the log has it).
 */
final class ErrorStatuses {
    private record Wire(ApiProblem.Kind kind, String code) {
    }

    private static final Map<ErrorCode, Wire> OPERATOR_ERRORS = new EnumMap<>(Map.of(
            ErrorCode.BAD_INPUT, new Wire(ApiProblem.Kind.BAD_INPUT, "BAD_INPUT"),
            ErrorCode.NOT_FOUND, new Wire(ApiProblem.Kind.NOT_FOUND, "NOT_FOUND"),
            ErrorCode.CONFLICT, new Wire(ApiProblem.Kind.CONFLICT, "CONFLICT"),
            ErrorCode.NOT_REVOKED, new Wire(ApiProblem.Kind.CONFLICT, "NOT_REVOKED"),
            ErrorCode.NO_TOKENS_TO_REVOKE, new Wire(ApiProblem.Kind.CONFLICT, "NO_TOKENS_TO_REVOKE"),
            ErrorCode.SELF_UNLOCK, new Wire(ApiProblem.Kind.FORBIDDEN, "SELF_UNLOCK"),
            ErrorCode.POLICY_FOLDER_INVALID, new Wire(ApiProblem.Kind.CONFLICT, "POLICY_INVALID")));

    private static final String UNAVAILABLE = "the gateway cannot do this now; see its log";

    private ErrorStatuses() {
    }

    /** Whether the code is an operator's error answered as such (and so not worth a line in the error log). */
    static boolean isOperatorError(ErrorCode code) {
        return OPERATOR_ERRORS.containsKey(code);
    }

    /** The status and {@code {"code", "message", "field"?}} body for the error. */
    static ApiResponse response(SafegateException e) {
        Wire wire = OPERATOR_ERRORS.get(e.code());
        if (wire != null) {
            return Json.error(new ApiProblem(wire.kind(), wire.code(), e.getMessage(), e.field().orElse(null)));
        }
        boolean input = e.code().isInputError();
        return Json.error(new ApiProblem(input ? ApiProblem.Kind.BAD_INPUT : ApiProblem.Kind.UNAVAILABLE,
                e.code().name(), input ? e.getMessage() : UNAVAILABLE, null));
    }
}
