package org.safegate.route;

import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of one agency's outbox: a file consumer on its folder (for an SFTP outbox, the local
 * spool it is taken into) and, for an SFTP outbox, the timer that takes files from the server.
 */
final class AgencyOutboxRoutes {
    /** Most files one poll of an outbox hands on. */
    private static final int BATCH = 1000;

    private AgencyOutboxRoutes() {
    }

    static String fileRouteId(String agency) {
        return "outbox-" + agency;
    }

    static String sftpRouteId(String agency) {
        return "sftp-pickup-" + agency;
    }

    /** Defines the routes of agencies' outboxes on a route builder. */
    interface Definer {
        void define(RouteBuilder builder, String agency, OutboxRouteSync.Outbox outbox);
    }

    /** The gateway's outbox routes. */
    record Factory(Gateway gateway) implements Definer {
        @Override
        public void define(RouteBuilder builder, String agency, OutboxRouteSync.Outbox outbox) {
            Path folder = outbox.folder();
            // hidden files (a name starting with '.') are files still being written: Camel skips them;
            // readLock=changed waits until a file has stopped changing for a second; an empty file is taken too
            // (and quarantined) rather than waited on forever
            // a poll takes at most a bounded batch, the oldest first, so memory does not grow with a backlog
            builder.fromF("file:%s?recursive=true&noop=true&idempotent=false&autoCreate=true&delay=500"
                    + "&readLock=changed&readLockMinAge=1000&readLockMinLength=0&readLockCheckInterval=250"
                    + "&readLockTimeout=60000&sortBy=file:modified&maxMessagesPerPoll=%d&eagerMaxMessagesPerPoll=false",
                            folder, BATCH)
                    .routeId(fileRouteId(agency))
                    .process(new OutboxLanes(agency, folder, gateway.lanesPerOutbox(),
                            (root, file) -> gateway.processor().process(agency, root, file)));
            if (outbox.sftp()) {
                // an SFTP outbox is taken into its spool folder, which the route above watches
                builder.fromF("timer:sftp-pickup-%s?delay=0&period=1000", agency)
                        .routeId(sftpRouteId(agency))
                        .process(exchange -> gateway.pickUp(agency));
            }
        }
    }
}
