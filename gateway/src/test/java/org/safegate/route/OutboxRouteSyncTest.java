package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outbox routes follow the policies of a running context: added, moved and removed without a restart. */
class OutboxRouteSyncTest {
    @TempDir
    Path dir;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final AtomicReference<Map<String, OutboxWork.Outbox>> wanted = new AtomicReference<>();
    /** Files each route's consumer saw, as "agency:name". */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** Agencies whose routes cannot be defined (as with a folder that cannot be created). */
    private final Set<String> broken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** A file named slow* keeps its lane busy until released. */
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    /** Counted down when a sync reads the policies after start-up. */
    private final CountDownLatch syncStarted = new CountDownLatch(1);
    private boolean started;

    private OutboxRouteSync sync = syncStoppingWithin(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        camel.stop();
    }

    private OutboxRouteSync syncStoppingWithin(Duration stopTimeout) {
        return new OutboxRouteSync(() -> {
            if (started) {
                syncStarted.countDown();
            }
            return wanted.get();
        }, new TestRoutes(), stopTimeout);
    }

    /** File routes that note what they saw; a file named slow* is in progress until released. */
    private final class TestRoutes implements AgencyOutboxRoutes.Definer {
        private final java.util.concurrent.atomic.AtomicInteger inProgress = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void define(RouteBuilder builder, String agency, OutboxWork.Outbox outbox) {
            if (broken.contains(agency)) {
                throw new IllegalStateException("cannot create " + outbox.folder());
            }
            builder.fromF("file:%s?noop=true&autoCreate=true&delay=50", outbox.folder())
                    .routeId(AgencyOutboxRoutes.fileRouteId(agency))
                    .process(exchange -> {
                        String name = exchange.getIn().getHeader("CamelFileName", String.class);
                        if (name.startsWith("slow")) {
                            inProgress.incrementAndGet();
                            try {
                                slowStarted.countDown();
                                releaseSlow.await();
                            } finally {
                                inProgress.decrementAndGet();
                            }
                        }
                        seen.add(agency + ":" + name);
                    });
            if (outbox.sftp()) {
                builder.fromF("timer:pickup-%s?period=60000", agency).routeId(AgencyOutboxRoutes.sftpRouteId(agency))
                        .log("pickup");
            }
        }

        @Override
        public boolean awaitIdle(String agency, Duration limit) {
            try {
                await().atMost(limit).until(() -> inProgress.get() == 0);
                return true;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                return false;
            }
        }
    }

    @Test
    void aBusyRouteIsRemovedOnlyOnceItsFileIsFinished() throws Exception {
        start(Map.of("IRS", dir.resolve("irs")));
        Files.writeString(dir.resolve("irs").resolve("slow.csv"), "in progress");
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        folders(Map.of("IRS", dir.resolve("irs-2026")), List.of());
        Thread moving = new Thread(() -> sync.sync(camel));
        moving.start();
        // the stop waits for the file in progress: the old route is there, the new one is not
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> uri("IRS").contains("/irs?"));
        releaseSlow.countDown();
        moving.join(Duration.ofSeconds(30).toMillis());

        assertThat(uri("IRS")).contains("irs-2026");
        assertThat(seen).containsExactly("IRS:slow.csv");
    }

    @Test
    void aSyncRequestedWhileAStopWaitsReturnsAtOnce() throws Exception {
        start(Map.of("IRS", dir.resolve("irs")));
        Files.writeString(dir.resolve("irs").resolve("slow.csv"), "in progress");
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        folders(Map.of("IRS", dir.resolve("irs-2026")), List.of());

        // as the policy check does every 2 s: the first request starts the move, which waits for slow.csv
        sync.requestSync(camel);
        assertThat(syncStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            sync.requestSync(camel);
            sync.requestSync(camel);
        });
        assertThat(uri("IRS")).as("still waiting for slow.csv").contains("/irs?");

        releaseSlow.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS")) != null
                && uri("IRS").contains("irs-2026"));
    }

    @Test
    void aStopThatTakesTooLongIsCalledOffAndNoOtherRouteWatchesItsFolderMeanwhile() throws Exception {
        sync = syncStoppingWithin(Duration.ofMillis(500));
        start(Map.of("IRS", dir.resolve("irs")));
        Files.writeString(dir.resolve("irs").resolve("slow.csv"), "in progress");
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        // the agency is renamed: the same folder, watched for another id
        folders(Map.of("IRS-2", dir.resolve("irs")), List.of());
        sync.sync(camel);

        assertThat(camel.getRouteController().getRouteStatus(AgencyOutboxRoutes.fileRouteId("IRS")).isStarted())
                .as("the old route runs on").isTrue();
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS-2"))).isNull();
        assertThat(sync.running()).containsOnlyKeys("IRS");

        releaseSlow.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("IRS:slow.csv"));
        Files.writeString(dir.resolve("irs").resolve("next.csv"), "taken by the route that runs on");
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("IRS:next.csv"));
        sync.sync(camel);
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS"))).isNull();
        assertThat(uri("IRS-2")).contains("/irs?");
        assertThat(sync.running()).containsOnlyKeys("IRS-2");
    }

    @Test
    void anOutboxMovedByAReloadIsWatchedAtItsNewPlaceOnly() throws Exception {
        start(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")));

        folders(Map.of("IRS", dir.resolve("irs-2026"), "DOJ", dir.resolve("doj")), List.of());
        sync.sync(camel);

        assertThat(uri("IRS")).contains("irs-2026");
        Files.writeString(dir.resolve("irs").resolve("old.csv"), "left where it is");
        Files.writeString(dir.resolve("irs-2026").resolve("new.csv"), "taken");
        Files.writeString(dir.resolve("doj").resolve("doj.csv"), "taken");
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.containsAll(List.of("IRS:new.csv", "DOJ:doj.csv")));
        assertThat(seen).doesNotContain("IRS:old.csv");
        assertThat(sync.running().get("IRS").folder()).isEqualTo(dir.resolve("irs-2026"));
    }

    @Test
    void anAgencyAddedGetsItsRoutesAndOneRemovedLosesThem() throws Exception {
        start(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")));

        folders(Map.of("IRS", dir.resolve("irs"), "ICE", dir.resolve("ice-spool")), List.of("ICE"));
        sync.sync(camel);

        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("DOJ"))).isNull();
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("ICE"))).isNotNull();
        assertThat(camel.getRoute(AgencyOutboxRoutes.sftpRouteId("ICE"))).isNotNull();
        assertThat(sync.running()).containsOnlyKeys("IRS", "ICE");

        // the outbox goes back to a plain folder: the SFTP pickup goes with the old routes
        folders(Map.of("IRS", dir.resolve("irs"), "ICE", dir.resolve("ice-spool")), List.of());
        sync.sync(camel);
        assertThat(camel.getRoute(AgencyOutboxRoutes.sftpRouteId("ICE"))).isNull();
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("ICE"))).isNotNull();
    }

    @Test
    void routesOfUnchangedOutboxesKeepRunningUntouched() throws Exception {
        start(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")));
        Route irs = camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS"));

        folders(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj-2026")), List.of());
        sync.sync(camel);
        sync.sync(camel);

        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS"))).isSameAs(irs);
        assertThat(uri("DOJ")).contains("doj-2026");
    }

    @Test
    void aChangeThatCannotBeAppliedIsTriedAgainAtTheNextCheck() throws Exception {
        start(Map.of("IRS", dir.resolve("irs")));
        broken.add("DOJ");

        folders(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")), List.of());
        sync.sync(camel);
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("DOJ"))).isNull();
        assertThat(sync.running()).containsOnlyKeys("IRS");

        broken.clear();
        sync.sync(camel);
        assertThat(uri("DOJ")).contains("doj");
        assertThat(sync.running()).containsOnlyKeys("IRS", "DOJ");
    }

    private void folders(Map<String, Path> folders, List<String> sftp) {
        Map<String, OutboxWork.Outbox> outboxes = new java.util.TreeMap<>();
        folders.forEach((agency, folder) -> outboxes.put(agency, new OutboxWork.Outbox(folder,
                sftp.contains(agency))));
        wanted.set(outboxes);
    }

    private void start(Map<String, Path> initial) throws Exception {
        folders(initial, List.of());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                sync.defineCurrent(this);
            }
        });
        camel.start();
        started = true;
    }

    private String uri(String agency) {
        Route route = camel.getRoute(AgencyOutboxRoutes.fileRouteId(agency));
        assertThat(route).as("route of %s", agency).isNotNull();
        return route.getEndpoint().getEndpointUri();
    }
}
