package org.safegate.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes of one agency's outbox: a file consumer on its folder (for an SFTP outbox, the local
 * spool it is taken into), one on the private folder its files are taken into (for the ones held
 * or left by a stopped run), both feeding the same lanes, and, for an SFTP outbox, the timer that
 * takes files from the server.
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

    static String takenRouteId(String agency) {
        return "taken-" + agency;
    }

    /** Defines the routes of agencies' outboxes on a route builder. */
    interface Definer {
        void define(RouteBuilder builder, String agency, OutboxWork.Outbox outbox);

        /** Tells the agency's lanes to take no new file (its route is being stopped), or to go on again. */
        default void retire(String agency, boolean retiring) {
        }

        /** Waits until the agency's lanes have no file in progress; false when the limit passed first. */
        default boolean awaitIdle(String agency, Duration limit) throws InterruptedException {
            return true;
        }
    }

    /** The gateway's outbox routes. */
    static final class Factory implements Definer {
        private final OutboxWork gateway;
        /** The lanes of each agency's current outbox route. */
        private final Map<String, OutboxLanes> lanes = new ConcurrentHashMap<>();

        Factory(OutboxWork gateway) {
            this.gateway = gateway;
        }

        @Override
        public void retire(String agency, boolean retiring) {
            OutboxLanes current = lanes.get(agency);
            if (current != null) {
                current.retire(retiring);
            }
        }

        @Override
        public boolean awaitIdle(String agency, Duration limit) throws InterruptedException {
            OutboxLanes current = lanes.get(agency);
            return current == null || current.awaitIdle(limit);
        }

        @Override
        public void define(RouteBuilder builder, String agency, OutboxWork.Outbox outbox) {
            Path folder = outbox.folder();
            // links are never followed: the guard hands each to the agency's current lanes to be quarantined
            String guard = "outbox-links-" + agency;
            builder.getContext().getRegistry().bind(guard, new OutboxLinkGuard(folder, link -> {
                OutboxLanes current = lanes.get(agency);
                if (current != null) {
                    current.offer(link);
                }
            }));
            // hidden files (a name starting with '.') are files still being written: Camel skips them;
            // readLock=changed waits until a file has stopped changing for a second; an empty file is taken too
            // (and quarantined) rather than waited on forever
            // a poll takes at most a bounded batch, the oldest first, so memory does not grow with a backlog
            Path taken;
            try {
                // made here for the gateway's account only: Camel would make it as the umask says
                taken = gateway.privateFolder(agency);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the private folder of " + agency, e);
            }
            OutboxLanes agencyLanes = lanes.compute(agency, (id, old) -> new OutboxLanes(agency, folder, taken,
                    gateway.lanesPerOutbox(), (root, file) -> gateway.process(agency, root, file)));
            builder.fromF("file:%s?recursive=true&noop=true&idempotent=false&autoCreate=true&delay=500"
                    + "&readLock=changed&readLockMinAge=1000&readLockMinLength=0&readLockCheckInterval=250"
                    + "&readLockTimeout=60000&sortBy=file:modified&maxMessagesPerPoll=%d&eagerMaxMessagesPerPoll=false"
                    + "&filter=#%s&pollStrategy=#%s", folder, BATCH, guard, guard)
                    .routeId(fileRouteId(agency))
                    .process(agencyLanes);
            // files taken but not finished (held, or left by a stopped run) are retried from the private folder,
            // where only the gateway writes: no read lock is needed, and the half-copied ones have hidden names
            builder.fromF("file:%s?recursive=true&noop=true&idempotent=false&delay=1000"
                    + "&sortBy=file:modified&maxMessagesPerPoll=%d&eagerMaxMessagesPerPoll=false", taken, BATCH)
                    .routeId(takenRouteId(agency))
                    .process(agencyLanes);
            if (outbox.sftp()) {
                // an SFTP outbox is taken into its spool folder, which the route above watches
                builder.fromF("timer:sftp-pickup-%s?delay=0&period=1000", agency)
                        .routeId(sftpRouteId(agency))
                        .process(exchange -> gateway.pickUp(agency));
            }
        }
    }
}
