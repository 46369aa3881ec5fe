package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health}, open to anyone (load balancers, supervisors): the process answers
 * (liveness) and the store, the keys and every agency's local endpoints are usable (readiness):
 * 200 when all are, 503 otherwise. Without a login it says UP or DOWN and nothing else: which
 * agencies the gateway serves is not for whoever can reach the port. An operator who logs in (any
 * role) also sees which check failed, by agency; paths and error texts go only to the log.
 */
final class HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final AdminServices services;

    HealthCheck(AdminServices services) {
        this.services = services;
    }

    ApiResponse check(boolean details) {
        boolean store = check("store", this::store);
        boolean keys = check("keys", () -> {
            services.keys().gatewaySigning();
            services.keys().auditSigning();
            return true;
        });
        Map<String, Boolean> endpoints = new TreeMap<>();
        for (Agency agency : services.policies().get().agencies()) {
            endpoints.put(agency.id(), check("endpoints of " + agency.id(),
                    () -> usable(agency.outbox()) && usable(agency.inbox())));
        }
        boolean ready = store && keys && !endpoints.containsValue(false);
        ObjectNode root = Json.object().put("status", up(ready));
        if (!details) {
            return ApiResponse.json(ready ? 200 : 503, Json.write(root));
        }
        root.put("live", "UP");
        ObjectNode checks = root.putObject("checks");
        checks.put("store", up(store)).put("keys", up(keys));
        ObjectNode endpointStatus = checks.putObject("endpoints");
        endpoints.forEach((agency, ok) -> endpointStatus.put(agency, up(ok)));
        return ApiResponse.json(ready ? 200 : 503, Json.write(root));
    }

    private boolean store() throws Exception {
        try (Connection connection = services.database().connection()) {
            return connection.isValid(2);
        }
    }

    /** A local folder that exists, or can be created under a writable folder; remote endpoints are not probed. */
    private boolean usable(Endpoint endpoint) {
        if (endpoint.type() != EndpointType.FILE) {
            return true;
        }
        Path folder = services.endpoints().folder(endpoint);
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    }

    private static boolean check(String what, java.util.concurrent.Callable<Boolean> probe) {
        try {
            if (Boolean.TRUE.equals(probe.call())) {
                return true;
            }
            LOG.warn("health: {} not usable", what);
        } catch (Exception e) {
            LOG.warn("health: {} not usable: {}", what, e.getMessage());
        }
        return false;
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
