package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}, open to anyone (load balancers, supervisors): the process answers
 * (liveness) and the store, the keys and every agency's local endpoints are usable (readiness):
 * 200 when all are, 503 otherwise. Without a login it says UP or DOWN and nothing else: which
 * agencies the gateway serves is not for whoever can reach the port. An operator who logs in (any
 * role) also sees which check failed, by agency; paths and error texts go only to the log. The
 * checks come from {@code readiness}: in a running gateway, Camel's health checks over
 * {@link ReadinessProbes}.
 */
final class HealthCheck {
    private final Supplier<Readiness> readiness;

    HealthCheck(Supplier<Readiness> readiness) {
        this.readiness = readiness;
    }

    /** {@code live} and {@code checks} only for an operator who logged in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String live, Checks checks) {
    }

    /** {@code endpoints}: UP or DOWN by agency, in the agencies' order. */
    record Checks(String store, String keys, Map<String, String> endpoints) {
    }

    ApiResponse check(boolean details) {
        Readiness now = readiness.get();
        boolean ready = now.ready();
        Health health = new Health(up(ready), null, null);
        if (details) {
            Map<String, String> endpoints = new TreeMap<>();
            now.endpoints().forEach((agency, ok) -> endpoints.put(agency, up(ok)));
            health = new Health(up(ready), "UP", new Checks(up(now.store()), up(now.keys()), endpoints));
        }
        return ApiResponse.json(ready ? 200 : 503, Json.write(health));
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
