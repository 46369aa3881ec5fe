package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lanes of one outbox: names that could collide share a lane and keep their order; every file completes once. */
class OutboxLanesTest {
    private static final Path OUTBOX = Path.of("/outbox/IRS");
    private static final Path TAKEN = Path.of("/data/taken/IRS");

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private OutboxLanes lanes;

    @AfterEach
    void stop() {
        if (lanes != null) {
            lanes.stop();
        }
        camel.stop();
    }

    @Test
    void namesThatCouldCollideWhenDeliveredShareALane() {
        OutboxLanes four = new OutboxLanes("IRS", OUTBOX, TAKEN, 4, (outbox, file) -> { });
        for (String stem : List.of("a", "report", "x-1", "2025")) {
            int lane = four.laneOf(OUTBOX.resolve("IRS-DOJ-2024").resolve(stem + ".csv"));
            assertThat(List.of(stem, stem + ".csv.2", stem + ".csv.2.p7m", stem + ".tar.gz"))
                    .allSatisfy(name -> assertThat(four.laneOf(OUTBOX.resolve("IRS-DOJ-2024").resolve(name)))
                            .as(name).isEqualTo(lane));
        }
    }

    @Test
    void aFileTakenIntoThePrivateFolderKeepsItsPlaceInTheOutbox() {
        OutboxLanes four = new OutboxLanes("IRS", OUTBOX, TAKEN, 4, (outbox, file) -> { });
        Path inOutbox = OUTBOX.resolve("IRS-DOJ-2024").resolve("a.csv");
        Path taken = TAKEN.resolve("IRS-DOJ-2024").resolve("a.csv");

        assertThat(four.placeOf(taken)).isEqualTo(four.placeOf(inOutbox)).isEqualTo(Path.of("IRS-DOJ-2024", "a.csv"));
        assertThat(four.laneOf(taken)).isEqualTo(four.laneOf(inOutbox));
    }

    @Test
    void aFileAndItsTakenCopyAreNeverWorkedOnAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Path> worked = new CopyOnWriteArrayList<>();
        lanes = new OutboxLanes("IRS", OUTBOX, TAKEN, 2, (outbox, file) -> {
            worked.add(file);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        lanes.start();
        AtomicInteger completed = new AtomicInteger();
        Path inOutbox = OUTBOX.resolve("IRS-DOJ-2024").resolve("a.csv");
        lanes.process(exchangeFor(inOutbox), done -> completed.incrementAndGet());
        await().atMost(Duration.ofSeconds(10)).until(() -> worked.size() == 1);

        lanes.process(exchangeFor(TAKEN.resolve("IRS-DOJ-2024").resolve("a.csv")), done -> completed.incrementAndGet());
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 1);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 2);

        assertThat(worked).containsExactly(inOutbox);
    }

    @Test
    void everyFileIsWorkedOnceAndFilesOfOneLaneKeepTheirOrder() {
        Map<Path, AtomicInteger> worked = new ConcurrentHashMap<>();
        List<Path> order = new CopyOnWriteArrayList<>();
        lanes = new OutboxLanes("IRS", OUTBOX, TAKEN, 3, (outbox, file) -> {
            worked.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
            order.add(file);
        });
        lanes.start();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            files.add(OUTBOX.resolve("IRS-DOJ-2024").resolve("f" + (i % 20) + ".csv" + (i < 20 ? "" : "." + i)));
        }
        AtomicInteger completed = new AtomicInteger();

        files.forEach(file -> lanes.process(exchangeFor(file), done -> completed.incrementAndGet()));

        await().atMost(Duration.ofSeconds(30)).until(() -> completed.get() == files.size());
        assertThat(worked).hasSize(files.size());
        assertThat(worked.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        for (int stem = 0; stem < 20; stem++) {
            String prefix = "f" + stem + ".";
            List<Path> submitted = files.stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertThat(order.stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList())
                    .as("files of stem f%d in the order they were found", stem).isEqualTo(submitted);
        }
    }

    @Test
    void retiringLanesLeaveFilesNotBegunAndCompleteTheirExchanges() {
        List<Path> worked = new CopyOnWriteArrayList<>();
        lanes = new OutboxLanes("IRS", OUTBOX, TAKEN, 2, (outbox, file) -> worked.add(file));
        lanes.start();
        AtomicInteger completed = new AtomicInteger();
        Path first = OUTBOX.resolve("IRS-DOJ-2024").resolve("a.csv");
        lanes.process(exchangeFor(first), done -> completed.incrementAndGet());
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 1);

        lanes.retire(true);
        lanes.process(exchangeFor(OUTBOX.resolve("IRS-DOJ-2024").resolve("b.csv")), done -> completed.incrementAndGet());
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 2);
        assertThat(worked).containsExactly(first);

        lanes.retire(false);
        Path third = OUTBOX.resolve("IRS-DOJ-2024").resolve("c.csv");
        lanes.process(exchangeFor(third), done -> completed.incrementAndGet());
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 3);
        assertThat(worked).containsExactly(first, third);
    }

    @Test
    void lanesAreIdleOnlyOnceTheFileInProgressIsFinished() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        lanes = new OutboxLanes("IRS", OUTBOX, TAKEN, 2, (outbox, file) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        lanes.start();
        lanes.process(exchangeFor(OUTBOX.resolve("IRS-DOJ-2024").resolve("a.csv")), done -> { });

        assertThat(lanes.awaitIdle(Duration.ofMillis(200))).isFalse();
        release.countDown();
        assertThat(lanes.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private Exchange exchangeFor(Path file) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.FILE_PATH, file.toString());
        return exchange;
    }
}
