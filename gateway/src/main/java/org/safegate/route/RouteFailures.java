package org.safegate.route;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place an exception that escaped a route is logged ({@link OutboxErrorHandling}). */
final class RouteFailures {
    private static final Logger LOG = LoggerFactory.getLogger(RouteFailures.class);

    private RouteFailures() {
    }

    /** Logs the caught exception with the route it escaped and, for a file route, the file. */
    static void log(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String file = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        LOG.error("route {} failed{} (tried again at its next poll): {}", exchange.getFromRouteId(),
                file == null ? "" : " on " + file, caught == null ? "unknown" : caught.toString(), caught);
    }
}
