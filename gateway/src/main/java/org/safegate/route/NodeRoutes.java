package org.safegate.route;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * The node's heartbeat in the node registry, on a timer like the gateway's other periodic work:
 * a failed beat (the store unreachable) is logged and the next one tries again.
 */
public final class NodeRoutes extends RouteBuilder {
    private final Duration period;
    private final Runnable beat;

    public NodeRoutes(Duration period, Runnable beat) {
        this.period = period;
        this.beat = beat;
    }

    @Override
    public void configure() {
        from("timer:node-heartbeat?period=" + Math.max(1, period.toMillis()))
                .routeId("node-heartbeat")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process(exchange -> beat.run());
    }
}
