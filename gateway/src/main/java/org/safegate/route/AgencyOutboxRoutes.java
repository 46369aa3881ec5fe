package org.safegate.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * The routes of one agency's outbox: a file consumer on its folder (for an SFTP outbox, the local
 * spool it is taken into), one on the private folder its files are taken into (for the ones held
 * or left by a stopped run), both feeding the same lanes, and, for an SFTP outbox, the timer that
 * takes files from the server. The routes are made from {@link OutboxRouteTemplates}.
 */
final class AgencyOutboxRoutes {
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

        /** Makes the agency's routes from {@link OutboxRouteTemplates}, with lanes of their own. */
        @Override
        public void define(RouteBuilder builder, String agency, OutboxWork.Outbox outbox) {
            Path taken;
            try {
                // made here for the gateway's account only: Camel would make it as the umask says
                taken = gateway.privateFolder(agency);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the private folder of " + agency, e);
            }
            OutboxLanes agencyLanes = lanes.compute(agency, (id, old) -> new OutboxLanes(agency, outbox.folder(), taken,
                    gateway.lanesPerOutbox(), (root, file) -> gateway.process(agency, root, file)));
            // a link the guard refuses goes to the agency's current lanes, to be quarantined
            OutboxLinkGuard guard = new OutboxLinkGuard(outbox.folder(), link -> {
                OutboxLanes current = lanes.get(agency);
                if (current != null) {
                    current.offer(link);
                }
            });
            CamelContext context = builder.getContext();
            TemplatedRouteBuilder.builder(context, OutboxRouteTemplates.OUTBOX).routeId(fileRouteId(agency))
                    .parameter("folder", outbox.folder().toString())
                    .bean("guard", guard).bean("lanes", agencyLanes).add();
            TemplatedRouteBuilder.builder(context, OutboxRouteTemplates.TAKEN).routeId(takenRouteId(agency))
                    .parameter("folder", taken.toString()).bean("lanes", agencyLanes).add();
            if (outbox.sftp()) {
                Processor pickup = exchange -> gateway.pickUp(agency);
                TemplatedRouteBuilder.builder(context, OutboxRouteTemplates.SFTP_PICKUP).routeId(sftpRouteId(agency))
                        .parameter("agency", agency).bean("pickup", pickup).add();
            }
        }
    }
}
