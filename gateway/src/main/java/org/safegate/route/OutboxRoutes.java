package org.safegate.route;

import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of each agency outbox (made from {@link OutboxRouteTemplates}, which must be added
 * to the context first), and one that reloads the policies; all use the error handling of
 * {@link OutboxErrorHandling}, which must be added too. Wiring only: each file found
 * goes, on its lane ({@link OutboxLanes}), to the gateway's transfer processor ({@link OutboxWork}), which moves it away
 * when it reaches an outcome (so the consumer neither deletes nor remembers files: a held file is
 * simply seen again on a later poll). The outbox routes follow the policies: after each reload
 * check, {@link OutboxRouteSync} adds the routes of new or moved outboxes and removes those of
 * agencies that are gone, so an administrator never needs a restart for an endpoint change.
 */
public final class OutboxRoutes extends RouteBuilder {
    private final OutboxWork gateway;
    private final OutboxRouteSync routes;

    public OutboxRoutes(OutboxWork gateway) {
        this.gateway = gateway;
        this.routes = new OutboxRouteSync(gateway::outboxRoutes, new AgencyOutboxRoutes.Factory(gateway));
    }

    @Override
    public void configure() {
        routes.defineCurrent(this);
        from("timer:audit-checkpoints?period=60000")
                .routeId("audit-checkpoints")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process(exchange -> gateway.dropCheckpoints());
        // at start (notices a command left pending on the store), then every minute (notices held)
        from("timer:recall-notices?delay=0&period=60000")
                .routeId("recall-notices")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process(exchange -> gateway.deliverRecallNotices());
        // checked every minute, logged once a day: at start, then soon after each midnight (UTC)
        from("timer:upcoming-warnings?delay=0&period=60000")
                .routeId("upcoming-warnings")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process(exchange -> gateway.warnUpcoming());
        from("timer:policy-reload?period=2000")
                .routeId("policy-reload")
                .routeConfigurationId(OutboxErrorHandling.ID)
                .process(exchange -> {
                    gateway.reloadPoliciesIfChanged();
                    // a reload made elsewhere (a safeguard event from the admin API) is followed too
                    routes.requestSync(exchange.getContext());
                });
    }
}
