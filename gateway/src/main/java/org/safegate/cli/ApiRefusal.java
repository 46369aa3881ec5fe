package org.safegate.cli;

import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * An admin API's error answer, told as the server's status and its own words:
 * {@code FORBIDDEN (403): operator auditor may not revoke agencies}. A 4xx is the caller's to
 * fix (exit 2), anything else a failure (exit 3).
 */
final class ApiRefusal extends SafegateException {
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(400, "BAD_REQUEST"),
            Map.entry(401, "UNAUTHORIZED"), Map.entry(403, "FORBIDDEN"), Map.entry(404, "NOT_FOUND"),
            Map.entry(405, "METHOD_NOT_ALLOWED"), Map.entry(409, "CONFLICT"), Map.entry(413, "PAYLOAD_TOO_LARGE"),
            Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"), Map.entry(429, "TOO_MANY_REQUESTS"),
            Map.entry(500, "INTERNAL_SERVER_ERROR"), Map.entry(502, "BAD_GATEWAY"),
            Map.entry(503, "SERVICE_UNAVAILABLE"), Map.entry(504, "GATEWAY_TIMEOUT"));

    private final int status;

    ApiRefusal(int status, String detail) {
        super(status / 100 == 4 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.IO_FAILURE,
                statusName(status) + " (" + status + "): " + detail);
        this.status = status;
    }

    int status() {
        return status;
    }

    static String statusName(int status) {
        return NAMES.getOrDefault(status, "HTTP_" + status);
    }
}
