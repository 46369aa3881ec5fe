package org.safegate.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.EndpointType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway needs to be ready, each probed on its own: the store answers, the gateway's
 * signing and audit keys load, and every agency's local endpoints are usable. A probe that fails
 * logs what and why (paths and error texts go only to the log) and says false. The routes run
 * these as Camel health checks; {@link #now()} runs them directly.
 */
public final class ReadinessProbes {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessProbes.class);

    private final AdminServices services;

    public ReadinessProbes(AdminServices services) {
        this.services = services;
    }

    public boolean store() {
        return check("store", () -> {
            try (Connection connection = services.database().connection()) {
                return connection.isValid(2);
            }
        });
    }

    public boolean keys() {
        return check("keys", () -> {
            services.keys().gatewaySigning();
            services.keys().auditSigning();
            return true;
        });
    }

    /** Each agency of the current policies, and whether its local outbox and inbox are usable. */
    public Map<String, Boolean> endpoints() {
        Map<String, Boolean> endpoints = new TreeMap<>();
        for (Agency agency : services.policies().get().agencies()) {
            endpoints.put(agency.id(), check("endpoints of " + agency.id(),
                    () -> usable(agency.outbox()) && usable(agency.inbox())));
        }
        return endpoints;
    }

    /** Every probe, run here and now. */
    public Readiness now() {
        return new Readiness(store(), keys(), endpoints());
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

    private static boolean check(String what, Callable<Boolean> probe) {
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
}
