package org.safegate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.admin.AdminApi;
import org.safegate.admin.AdminServices;
import org.safegate.admin.ReadinessProbes;
import org.safegate.admin.TransferTimings;
import org.safegate.config.ApiSettings;
import org.safegate.route.ApiServer;
import org.safegate.route.GatewayHealthChecks;
import org.safegate.route.NodeRoutes;
import org.safegate.route.OutboxErrorHandling;
import org.safegate.route.OutboxRouteTemplates;
import org.safegate.route.OutboxRoutes;

/**
 * Runs the gateway's routes as a Camel Main application: until stopped ({@link #runForever}), or
 * until every outbox is drained ({@link #runOnce}), for cron jobs, the demo and tests.
 */
public final class GatewayRunner {
    /** How long the outboxes must stay empty (longer than a poll plus a read-lock check) to count as drained. */
    private static final Duration QUIET = Duration.ofMillis(1500);
    /** The marker Camel's file consumer keeps beside a file while it holds the read lock. */
    private static final String CAMEL_LOCK = ".camelLock";

    private final Gateway gateway;
    private final ApiSettings api;

    /** Runs the routes without the admin API. */
    public GatewayRunner(Gateway gateway) {
        this(gateway, null);
    }

    /**
     * Runs the routes and, when {@code api} is enabled, the admin API (which refuses to start
     * without its TLS certificate and key).
     */
    public GatewayRunner(Gateway gateway, ApiSettings api) {
        this.gateway = gateway;
        this.api = api;
    }

    /** Runs until the process is asked to stop (SIGTERM, Ctrl-C). */
    public void runForever() {
        try (RunLock lock = RunLock.acquire(gateway.dataFolder())) {
            Main main = main(true);
            try {
                main.run();
            } finally {
                gateway.node().stopped();
            }
            StopLines.log(gateway);
        } catch (SafegateException e) {
            throw e;
        } catch (Exception e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "the gateway stopped: " + e.getMessage(), e);
        }
    }

    /**
     * Processes everything waiting in every outbox, then stops. Returns the files still held
     * (a key, the store or an endpoint was unavailable); empty when every file reached an outcome.
     */
    public List<Path> runOnce(Duration limit) {
        try (RunLock lock = RunLock.acquire(gateway.dataFolder())) {
            return drain(limit);
        }
    }

    private List<Path> drain(Duration limit) {
        // a drain run is for cron jobs and scripts: it does not serve the admin API
        Main main = main(false);
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                failure.set(e);
            }
        }, "safegate-main");
        thread.start();
        try {
            awaitStarted(main, limit, failure);
            Instant deadline = Instant.now().plus(limit);
            Instant quietSince = null;
            while (Instant.now().isBefore(deadline)) {
                boolean idle = main.getCamelContext().getInflightRepository().size() == 0 && !anyPending()
                        && gateway.remoteFilesWaiting() == 0;
                quietSince = idle ? (quietSince == null ? Instant.now() : quietSince) : null;
                if (quietSince != null && Duration.between(quietSince, Instant.now()).compareTo(QUIET) >= 0) {
                    break;
                }
                pause(100);
            }
            return List.copyOf(gateway.processor().held().current().keySet());
        } finally {
            main.completed();
            join(thread);
            StopLines.log(gateway);
        }
    }

    private final TransferTimings timings = new TransferTimings();

    private static String version() {
        String version = GatewayRunner.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * Starts the routes and the admin API in the background, for embedding and tests; returns once
     * they run. Closing the handle stops them.
     */
    public AutoCloseable start(Duration limit) {
        RunLock lock = RunLock.acquire(gateway.dataFolder());
        Main main;
        try {
            main = main(true);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                failure.set(e);
            }
        }, "safegate-main");
        thread.start();
        try {
            awaitStarted(main, limit, failure);
        } catch (RuntimeException e) {
            main.completed();
            join(thread);
            gateway.node().stopped();
            lock.close();
            throw e;
        }
        return () -> {
            main.completed();
            join(thread);
            gateway.node().stopped();
            StopLines.log(gateway);
            lock.close();
        };
    }

    private Main main(boolean withApi) {
        // before any outbox is polled: a file that is back is resumed by its route instead
        gateway.sweepWithdrawn();
        StartupLines.log(gateway, withApi ? api : null, version());
        Main main = new Main();
        if (withApi && api != null && api.enabled()) {
            AdminServices services = gateway.adminServices(timings);
            GatewayHealthChecks health = new GatewayHealthChecks(new ReadinessProbes(services));
            ApiServer.configure(main, api, AdminApi.create(services, api, gateway.clock(), version(), health), timings,
                    health);
        }
        // the error handling and the templates first: the outbox routes are made from them
        main.configure().addRoutesBuilder(new OutboxErrorHandling());
        main.configure().addRoutesBuilder(new OutboxRouteTemplates());
        main.configure().addRoutesBuilder(new OutboxRoutes(gateway));
        main.configure().withName("safegate");
        if (withApi) {
            // a gateway that runs (not a drain run) is a node: registered now, beating while it runs
            main.configure().addRoutesBuilder(new NodeRoutes(gateway.node().heartbeat(), gateway.node()::beat));
            gateway.node().register(version());
        }
        return main;
    }

    /** True while some outbox holds a file that is neither hidden (still being written) nor held. */
    private boolean anyPending() {
        Set<Path> held = gateway.processor().held().current().keySet();
        // a file taken but not finished is pending in the gateway's private folder
        return java.util.stream.Stream.concat(gateway.outboxes().values().stream(),
                gateway.takenFolders().values().stream()).anyMatch(folder -> hasVisibleFile(folder, held));
    }

    /** Stops at the first file found: a large backlog is not walked over and over. */
    private static boolean hasVisibleFile(Path outbox, Set<Path> held) {
        if (!Files.isDirectory(outbox)) {
            return false;
        }
        boolean[] found = {false};
        try {
            // the consumer's read-lock markers come and go while the outboxes are walked: a file
            // that vanished on the way is simply not pending any more
            Files.walkFileTree(outbox, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                                                               java.nio.file.attribute.BasicFileAttributes attributes) {
                    // a link (to a folder too) is pending: it waits to be quarantined
                    if (!file.getFileName().toString().endsWith(CAMEL_LOCK) && !hiddenOnTheWay(outbox, file)
                            && !attributes.isDirectory() && !held.contains(file)) {
                        found[0] = true;
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found[0];
    }

    private static boolean hiddenOnTheWay(Path outbox, Path file) {
        for (Path part : outbox.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void awaitStarted(Main main, Duration limit,
                                     java.util.concurrent.atomic.AtomicReference<Exception> failure) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (failure.get() != null) {
                throw new SafegateException(ErrorCode.IO_FAILURE, "the gateway did not start: "
                        + failure.get().getMessage(), failure.get());
            }
            CamelContext context = main.getCamelContext();
            if (context != null && context.isStarted()) {
                return;
            }
            pause(50);
        }
        throw new SafegateException(ErrorCode.IO_FAILURE, "the gateway did not start within " + limit);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SafegateException(ErrorCode.IO_FAILURE, "interrupted", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
