package org.safegate.route;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.admin.Readiness;
import org.safegate.admin.ReadinessProbes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's readiness as Camel health checks of the group {@code safegate}: {@code safegate-store},
 * {@code safegate-keys} and {@code safegate-endpoints} (each agency a detail), over
 * {@link ReadinessProbes}. {@code GET /api/health} is built from their results ({@link #get}).
 */
public final class GatewayHealthChecks implements Supplier<Readiness> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHealthChecks.class);
    static final String GROUP = "safegate";
    static final String STORE = "safegate-store";
    static final String KEYS = "safegate-keys";
    static final String ENDPOINTS = "safegate-endpoints";
    /** The prefix of the endpoints check's details, one per agency. */
    private static final String AGENCY = "agency.";

    private final ReadinessProbes probes;
    private volatile CamelContext context;

    public GatewayHealthChecks(ReadinessProbes probes) {
        this.probes = probes;
    }

    /** Registers the checks with the context's health check registry. */
    void register(CamelContext camel) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
        if (registry == null) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "Camel's health check registry is missing");
        }
        registry.register(check(STORE, builder -> state(builder, probes::store)));
        registry.register(check(KEYS, builder -> state(builder, probes::keys)));
        registry.register(check(ENDPOINTS, builder -> {
            Map<String, Boolean> endpoints = probes.endpoints();
            endpoints.forEach((agency, ok) -> builder.detail(AGENCY + agency, ok));
            state(builder, () -> !endpoints.containsValue(false));
        }));
        this.context = camel;
    }

    /** Runs the checks; DOWN while the context has not registered them. */
    @Override
    public Readiness get() {
        CamelContext camel = context;
        if (camel == null) {
            return new Readiness(false, false, Map.of());
        }
        try {
            HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
            Map<String, Boolean> endpoints = new TreeMap<>();
            call(registry, ENDPOINTS).getDetails().forEach((key, value) -> {
                if (key.startsWith(AGENCY)) {
                    endpoints.put(key.substring(AGENCY.length()), Boolean.TRUE.equals(value));
                }
            });
            return new Readiness(up(call(registry, STORE)), up(call(registry, KEYS)), endpoints);
        } catch (RuntimeException e) {
            LOG.warn("health: the checks could not be run: {}", e.getMessage());
            return new Readiness(false, false, Map.of());
        }
    }

    private static HealthCheck.Result call(HealthCheckRegistry registry, String id) {
        return registry.getCheck(id).orElseThrow(() -> new SafegateException(ErrorCode.IO_FAILURE,
                "health check " + id + " is not registered")).call();
    }

    private static boolean up(HealthCheck.Result result) {
        return result.getState() == HealthCheck.State.UP;
    }

    private static void state(HealthCheckResultBuilder builder, BooleanSupplier probe) {
        builder.state(probe.getAsBoolean() ? HealthCheck.State.UP : HealthCheck.State.DOWN);
    }

    /** A readiness check (the process answering is liveness enough) that runs {@code probe}. */
    private static HealthCheck check(String id, Consumer<HealthCheckResultBuilder> probe) {
        return new AbstractHealthCheck(GROUP, id) {
            @Override
            public boolean isLiveness() {
                return false;
            }

            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                probe.accept(builder);
            }
        };
    }
}
