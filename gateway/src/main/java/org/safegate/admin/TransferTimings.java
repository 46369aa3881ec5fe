package org.safegate.admin;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;

/**
 * This node's meters, in a Micrometer Prometheus registry: how long files take from pickup to
 * outcome (the histogram {@code safegate_transfer_duration_seconds}, with fixed buckets), and
 * whatever else is registered on it (the routes' exchange meters, from camel-micrometer). The
 * routes report each processed file; the metrics endpoint renders the registry.
 */
public final class TransferTimings {
    /** Upper bounds in seconds; the last bucket (+Inf) takes the rest. */
    static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer durations = Timer.builder("safegate.transfer.duration")
            .description("Time from pickup to outcome of each file (this node, since start).")
            .serviceLevelObjectives(Arrays.stream(BOUNDS).mapToObj(s -> Duration.ofMillis(Math.round(s * 1000)))
                    .toArray(Duration[]::new))
            .register(registry);

    public void record(long millis) {
        durations.record(Duration.ofMillis(millis));
    }

    /** The registry the gateway's meters are kept in (and Camel's route meters added to). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The registry's meters in the Prometheus text format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }
}
