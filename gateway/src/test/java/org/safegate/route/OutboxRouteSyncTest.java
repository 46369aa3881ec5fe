package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final AtomicReference<Map<String, Path>> folders = new AtomicReference<>();
    private final AtomicReference<List<String>> sftp = new AtomicReference<>(List.of());
    /** Files each route's consumer saw, as "agency:name". */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** Agencies whose routes cannot be defined (as with a folder that cannot be created). */
    private final Set<String> broken = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final OutboxRouteSync sync = new OutboxRouteSync(folders::get, sftp::get, (builder, agency, outbox) -> {
        if (broken.contains(agency)) {
            throw new IllegalStateException("cannot create " + outbox.folder());
        }
        builder.fromF("file:%s?noop=true&autoCreate=true&delay=50", outbox.folder())
                .routeId(AgencyOutboxRoutes.fileRouteId(agency))
                .process(exchange -> seen.add(agency + ":" + exchange.getIn().getHeader("CamelFileName")));
        if (outbox.sftp()) {
            builder.fromF("timer:pickup-%s?period=60000", agency).routeId(AgencyOutboxRoutes.sftpRouteId(agency))
                    .log("pickup");
        }
    });

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void anOutboxMovedByAReloadIsWatchedAtItsNewPlaceOnly() throws Exception {
        start(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")));

        folders.set(Map.of("IRS", dir.resolve("irs-2026"), "DOJ", dir.resolve("doj")));
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

        folders.set(Map.of("IRS", dir.resolve("irs"), "ICE", dir.resolve("ice-spool")));
        sftp.set(List.of("ICE"));
        sync.sync(camel);

        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("DOJ"))).isNull();
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("ICE"))).isNotNull();
        assertThat(camel.getRoute(AgencyOutboxRoutes.sftpRouteId("ICE"))).isNotNull();
        assertThat(sync.running()).containsOnlyKeys("IRS", "ICE");

        // the outbox goes back to a plain folder: the SFTP pickup goes with the old routes
        sftp.set(List.of());
        sync.sync(camel);
        assertThat(camel.getRoute(AgencyOutboxRoutes.sftpRouteId("ICE"))).isNull();
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("ICE"))).isNotNull();
    }

    @Test
    void routesOfUnchangedOutboxesKeepRunningUntouched() throws Exception {
        start(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")));
        Route irs = camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS"));

        folders.set(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj-2026")));
        sync.sync(camel);
        sync.sync(camel);

        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("IRS"))).isSameAs(irs);
        assertThat(uri("DOJ")).contains("doj-2026");
    }

    @Test
    void aChangeThatCannotBeAppliedIsTriedAgainAtTheNextCheck() throws Exception {
        start(Map.of("IRS", dir.resolve("irs")));
        broken.add("DOJ");

        folders.set(Map.of("IRS", dir.resolve("irs"), "DOJ", dir.resolve("doj")));
        sync.sync(camel);
        assertThat(camel.getRoute(AgencyOutboxRoutes.fileRouteId("DOJ"))).isNull();
        assertThat(sync.running()).containsOnlyKeys("IRS");

        broken.clear();
        sync.sync(camel);
        assertThat(uri("DOJ")).contains("doj");
        assertThat(sync.running()).containsOnlyKeys("IRS", "DOJ");
    }

    private void start(Map<String, Path> initial) throws Exception {
        folders.set(initial);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                sync.defineCurrent(this);
            }
        });
        camel.start();
    }

    private String uri(String agency) {
        Route route = camel.getRoute(AgencyOutboxRoutes.fileRouteId(agency));
        assertThat(route).as("route of %s", agency).isNotNull();
        return route.getEndpoint().getEndpointUri();
    }
}
