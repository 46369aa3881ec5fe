package org.safegate.route;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * What happens to an exception that escapes an outbox route (the transfer processor never throws:
 * it holds files; this is for the rest, a lane that cannot run, a failed SFTP pickup or policy
 * check): it is logged once, with the route's id and the file, and the exchange ends there. The
 * file stays where it is and is offered again at the next poll. Routes opt in by this id.
 */
public final class OutboxErrorHandling extends RouteConfigurationBuilder {
    static final String ID = "outbox-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(true)
                .process(RouteFailures::log);
    }
}
