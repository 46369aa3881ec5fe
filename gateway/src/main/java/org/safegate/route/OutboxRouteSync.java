package org.safegate.route;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one set of routes per agency outbox in line with the current policies. An agency added by
 * a policy reload gets its routes, one whose outbox moved (another folder, file to SFTP or back)
 * gets them again for the new place, and one that is gone loses them. Files already on a lane of
 * a removed route are finished; files still waiting stay in the folder, untouched. A change that
 * cannot be applied (a folder that cannot be created) is logged and tried again at the next check.
 */
final class OutboxRouteSync {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRouteSync.class);
    /** How long the lanes of a removed route may take to finish the files they are on. */
    private static final long STOP_SECONDS = 60;

    /** Where an agency's files are found, and whether they are first taken from an SFTP server. */
    record Outbox(Path folder, boolean sftp) {
    }

    private final Supplier<Map<String, Path>> folders;
    private final Supplier<List<String>> sftpAgencies;
    private final AgencyOutboxRoutes.Definer definer;
    /** The outboxes whose routes exist now. */
    private Map<String, Outbox> running = Map.of();

    OutboxRouteSync(Supplier<Map<String, Path>> folders, Supplier<List<String>> sftpAgencies,
                    AgencyOutboxRoutes.Definer definer) {
        this.folders = folders;
        this.sftpAgencies = sftpAgencies;
        this.definer = definer;
    }

    /** Defines the routes of the outboxes the current policies name (at start-up, before the context starts). */
    synchronized void defineCurrent(RouteBuilder builder) {
        Map<String, Outbox> wanted = wanted();
        wanted.forEach((agency, outbox) -> definer.define(builder, agency, outbox));
        running = wanted;
    }

    /** Adds, replaces and removes routes of a running context until they match the current policies. */
    synchronized void sync(CamelContext context) {
        Map<String, Outbox> wanted = wanted();
        if (wanted.equals(running)) {
            return;
        }
        Map<String, Outbox> now = new TreeMap<>(running);
        running.forEach((agency, outbox) -> {
            if (!outbox.equals(wanted.get(agency)) && removed(context, agency)) {
                now.remove(agency);
                LOG.info("outbox of {} no longer watched at {}", agency, outbox.folder());
            }
        });
        wanted.forEach((agency, outbox) -> {
            if (!now.containsKey(agency) && added(context, agency, outbox)) {
                now.put(agency, outbox);
                LOG.info("outbox of {} now watched at {}{}", agency, outbox.folder(),
                        outbox.sftp() ? " (taken from its SFTP server)" : "");
            }
        });
        running = now;
    }

    /** The outboxes whose routes exist now (for tests). */
    synchronized Map<String, Outbox> running() {
        return Map.copyOf(running);
    }

    private Map<String, Outbox> wanted() {
        Set<String> remote = Set.copyOf(sftpAgencies.get());
        Map<String, Outbox> wanted = new TreeMap<>();
        folders.get().forEach((agency, folder) -> wanted.put(agency, new Outbox(folder, remote.contains(agency))));
        return wanted;
    }

    private boolean added(CamelContext context, String agency, Outbox outbox) {
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    definer.define(this, agency, outbox);
                }
            });
            return true;
        } catch (Exception e) {
            LOG.warn("cannot watch the outbox of {} at {} (tried again at the next policy check): {}", agency,
                    outbox.folder(), e.getMessage());
            // a half-added pair is taken down, so the next attempt starts clean
            removed(context, agency);
            return false;
        }
    }

    private static boolean removed(CamelContext context, String agency) {
        // the SFTP pickup first: nothing more is fed into the spool while its consumer stops
        for (String routeId : List.of(AgencyOutboxRoutes.sftpRouteId(agency), AgencyOutboxRoutes.fileRouteId(agency))) {
            try {
                if (context.getRoute(routeId) != null) {
                    context.getRouteController().stopRoute(routeId, STOP_SECONDS, TimeUnit.SECONDS);
                    context.removeRoute(routeId);
                }
            } catch (Exception e) {
                LOG.warn("cannot stop route {} (tried again at the next policy check): {}", routeId, e.getMessage());
                return false;
            }
        }
        return true;
    }
}
