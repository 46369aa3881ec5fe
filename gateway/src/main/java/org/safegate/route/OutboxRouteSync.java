package org.safegate.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one set of routes per agency outbox in line with the current policies. An agency added by
 * a policy reload gets its routes, one whose outbox moved (another folder, file to SFTP or back)
 * gets them again for the new place, and one that is gone loses them. A route is removed only
 * once its lanes are idle (they take no new file, and finish those in progress), so no file is ever
 * worked on by an old and a new route at once; a removal that waits too long is called off and
 * tried again at the next check, and no other route is added on that folder (or one inside or
 * around it) meanwhile. Changes run on a thread of their own, so a long wait never holds up the
 * next policy check.
 */
final class OutboxRouteSync {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRouteSync.class);
    /** How long a removed route's lanes may take to finish the files they took before the stop is called off. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(10);

    private final Supplier<Map<String, OutboxWork.Outbox>> wanted;
    private final AgencyOutboxRoutes.Definer definer;
    private final Duration stopTimeout;
    private final AtomicBoolean syncPending = new AtomicBoolean();
    /** The thread changes run on; set once, outside the lock a sync holds while it waits for a stop. */
    private final AtomicReference<ExecutorService> changes = new AtomicReference<>();
    /** The outboxes whose routes exist now; changed only by one sync at a time. */
    private Map<String, OutboxWork.Outbox> running = Map.of();

    /** {@code wanted}: the outboxes of the current policy set, read from one snapshot of it. */
    OutboxRouteSync(Supplier<Map<String, OutboxWork.Outbox>> wanted, AgencyOutboxRoutes.Definer definer) {
        this(wanted, definer, STOP_TIMEOUT);
    }

    /** With another limit for a graceful stop (tests call one off quickly). */
    OutboxRouteSync(Supplier<Map<String, OutboxWork.Outbox>> wanted, AgencyOutboxRoutes.Definer definer, Duration stopTimeout) {
        this.wanted = wanted;
        this.definer = definer;
        this.stopTimeout = stopTimeout;
    }

    /** Defines the routes of the outboxes the current policies name (at start-up, before the context starts). */
    synchronized void defineCurrent(RouteBuilder builder) {
        Map<String, OutboxWork.Outbox> current = Map.copyOf(wanted.get());
        current.forEach((agency, outbox) -> definer.define(builder, agency, outbox));
        running = current;
    }

    /** Brings the routes in line with the policies on the sync thread, unless a sync is already waiting to run. */
    void requestSync(CamelContext context) {
        if (syncPending.compareAndSet(false, true)) {
            changes(context).execute(() -> {
                syncPending.set(false);
                sync(context);
            });
        }
    }

    /** Adds, replaces and removes routes of a running context until they match the current policies. */
    synchronized void sync(CamelContext context) {
        Map<String, OutboxWork.Outbox> target = wanted.get();
        if (target.equals(running) || context.isStopping()) {
            return;
        }
        Map<String, OutboxWork.Outbox> now = new TreeMap<>(running);
        running.forEach((agency, outbox) -> {
            if (!outbox.equals(target.get(agency)) && removed(context, agency)) {
                now.remove(agency);
                LOG.info("outbox of {} no longer watched at {}", agency, outbox.folder());
                warnOfSpooledFiles(agency, outbox);
            }
        });
        target.forEach((agency, outbox) -> {
            if (now.containsKey(agency)) {
                return;
            }
            if (now.values().stream().anyMatch(other -> overlap(other.folder(), outbox.folder()))) {
                LOG.warn("the outbox of {} at {} is still watched for another agency (tried again at the next check)",
                        agency, outbox.folder());
            } else if (added(context, agency, outbox)) {
                now.put(agency, outbox);
                LOG.info("outbox of {} now watched at {}{}", agency, outbox.folder(),
                        outbox.sftp() ? " (taken from its SFTP server)" : "");
            }
        });
        running = now;
    }

    /** The outboxes whose routes exist now (for tests). */
    synchronized Map<String, OutboxWork.Outbox> running() {
        return Map.copyOf(running);
    }

    private ExecutorService changes(CamelContext context) {
        ExecutorService current = changes.get();
        if (current == null) {
            // shut down with the context
            ExecutorService created = context.getExecutorServiceManager().newSingleThreadExecutor(this,
                    "outbox-route-sync");
            current = changes.compareAndExchange(null, created);
            if (current == null) {
                current = created;
            } else {
                context.getExecutorServiceManager().shutdown(created);
            }
        }
        return current;
    }

    private boolean added(CamelContext context, String agency, OutboxWork.Outbox outbox) {
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

    /**
     * Stops and removes the agency's routes. The SFTP pickup stops first, so nothing more is fed into
     * the spool; the lanes then take no new file (those queued stay in the folder, untouched), and
     * the routes are stopped once the files in progress are finished. Should that take longer than
     * the limit, the lanes go on as before, the pickup starts again, and nothing is removed.
     */
    private boolean removed(CamelContext context, String agency) {
        String pickup = AgencyOutboxRoutes.sftpRouteId(agency);
        String consumer = AgencyOutboxRoutes.fileRouteId(agency);
        String retries = AgencyOutboxRoutes.takenRouteId(agency);
        try {
            boolean hasPickup = context.getRoute(pickup) != null;
            if (hasPickup) {
                context.getRouteController().stopRoute(pickup);
            }
            if (context.getRoute(consumer) != null) {
                definer.retire(agency, true);
                if (!definer.awaitIdle(agency, stopTimeout)) {
                    definer.retire(agency, false);
                    if (hasPickup) {
                        context.getRouteController().startRoute(pickup);
                    }
                    LOG.warn("route {} still has files in progress after {}; it keeps running and its removal is tried"
                            + " again at the next policy check", consumer, stopTimeout);
                    return false;
                }
                context.getRouteController().stopRoute(consumer);
            }
            if (context.getRoute(retries) != null) {
                context.getRouteController().stopRoute(retries);
            }
            for (String routeId : List.of(pickup, consumer, retries)) {
                if (context.getRoute(routeId) != null && !context.removeRoute(routeId)) {
                    LOG.warn("route {} could not be removed (tried again at the next policy check)", routeId);
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            LOG.warn("cannot stop the routes of {} (tried again at the next policy check): {}", agency, e.getMessage());
            return false;
        }
    }

    /** Whether two outbox folders share files: the same, or one inside the other (consumers are recursive). */
    private static boolean overlap(Path a, Path b) {
        Path first = a.toAbsolutePath().normalize();
        Path second = b.toAbsolutePath().normalize();
        return first.startsWith(second) || second.startsWith(first);
    }

    /** Files already taken from an SFTP server into the spool are not lost: the administrator is told where they wait. */
    private static void warnOfSpooledFiles(String agency, OutboxWork.Outbox outbox) {
        if (!outbox.sftp() || !Files.isDirectory(outbox.folder())) {
            return;
        }
        try (Stream<Path> all = Files.walk(outbox.folder())) {
            long waiting = all.filter(Files::isRegularFile).count();
            if (waiting > 0) {
                LOG.warn("{} file(s) taken from the SFTP outbox of {} still wait in {}: they are taken again when its"
                        + " outbox is on SFTP once more; to send them now, move them into its outbox", waiting, agency,
                        outbox.folder());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("cannot look into the spool of {} at {}: {}", agency, outbox.folder(), e.getMessage());
        }
    }
}
