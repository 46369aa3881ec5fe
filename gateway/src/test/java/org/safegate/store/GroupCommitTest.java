package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes of many threads committed together, on the real embedded store. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Eight threads write 50 rows each. Result: every write returns only when committed, and all 400 rows are there.")
    void eightThreadsWriting_resultEveryRowCommitted() throws Exception {
        try (Database database = scratch()) {
            GroupCommit commits = commits(database);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            int id = thread * 1000 + i;
                            commits.write(c -> insert(c, id));
                            // committed: another connection sees it at once
                            assertThat(exists(database, id)).isTrue();
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(count(database)).isEqualTo(400);
        }
    }

    @Test
    @DisplayName("A failing write waits in one batch with good ones. Result: only its caller fails; the good writes are committed.")
    void aFailingWriteInABatch_resultOnlyItsCallerFails() throws Exception {
        try (Database database = scratch()) {
            GroupCommit commits = commits(database);
            commits.write(c -> insert(c, 1));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // the first writer holds the commit lock while the others queue behind it, so they form one batch
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> write(commits, c -> {
                holding.countDown();
                awaitLatch(release);
                return insert(c, 2);
            }));
            awaitLatch(holding);
            CompletableFuture<Integer> good = CompletableFuture.supplyAsync(() -> write(commits, c -> insert(c, 3)));
            CompletableFuture<Integer> duplicate = CompletableFuture.supplyAsync(() -> write(commits, c -> insert(c, 1)));
            CompletableFuture<Integer> alsoGood = CompletableFuture.supplyAsync(() -> write(commits, c -> insert(c, 4)));
            await().atMost(30, TimeUnit.SECONDS).until(() -> commits.waiting() == 3);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(alsoGood.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThatThrownBy(() -> duplicate.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseInstanceOf(SQLException.class);
            assertThat(count(database)).isEqualTo(4);
        }
    }

    @Test
    @DisplayName("A write throws an Error while others wait in its batch. Result: its caller gets the Error, the others an outcome each, and later writes go on.")
    void aWriteThrowingAnError_resultNoOtherCallerWaitsForEver() throws Exception {
        try (Database database = scratch()) {
            GroupCommit commits = commits(database);
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> write(commits, c -> {
                holding.countDown();
                awaitLatch(release);
                return insert(c, 1);
            }));
            awaitLatch(holding);
            CompletableFuture<Integer> failing = CompletableFuture.supplyAsync(() -> write(commits, c -> {
                throw new StackOverflowError("deep");
            }));
            await().atMost(30, TimeUnit.SECONDS).until(() -> commits.waiting() == 1);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> write(commits, c -> insert(c, 2)));
            await().atMost(30, TimeUnit.SECONDS).until(() -> commits.waiting() == 2);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
            // the other write of that batch fails with it (an Error ends the batch), but never hangs
            assertThat(other).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(StackOverflowError.class);
            int later = commits.write(c -> insert(c, 3));
            assertThat(later).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("A durable write. Result: its transaction is begun durable (flushed at commit) before the write returns; a plain write's is not.")
    void aDurableWrite_resultForcedToDiskBeforeItReturns() throws Exception {
        try (Database database = scratch()) {
            java.util.concurrent.atomic.AtomicInteger forced = new java.util.concurrent.atomic.AtomicInteger();
            GroupCommit commits = new GroupCommit(database::connection, new GroupCommit.Transactions() {
                @Override
                public void begin(Connection connection, boolean durable) throws SQLException {
                    database.dialect().begin(connection, durable);
                    if (durable) {
                        forced.incrementAndGet();
                    }
                }

                @Override
                public void end(Connection connection) throws SQLException {
                    database.dialect().end(connection);
                }
            });
            commits.write(c -> insert(c, 1));
            assertThat(forced).hasValue(0);
            commits.write(c -> insert(c, 2), true);
            assertThat(forced).hasValue(1);
            assertThat(count(database)).isEqualTo(2);
        }
    }

    private static GroupCommit commits(Database database) {
        return new GroupCommit(database::connection, new GroupCommit.Transactions() {
            @Override
            public void begin(Connection connection, boolean durable) throws SQLException {
                database.dialect().begin(connection, durable);
            }

            @Override
            public void end(Connection connection) throws SQLException {
                database.dialect().end(connection);
            }
        });
    }

    private Database scratch() throws SQLException {
        Database database = Database.open(DatabaseSettings.embedded(dir));
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch (id INT PRIMARY KEY)");
        }
        return database;
    }

    private static int write(GroupCommit commits, GroupCommit.Write<Integer> write) {
        try {
            return commits.write(write);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO scratch (id) VALUES (?)")) {
            s.setInt(1, id);
            return s.executeUpdate();
        }
    }

    private static boolean exists(Database database, int id) throws SQLException {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM scratch WHERE id = ?")) {
            s.setInt(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static int count(Database database) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM scratch")) {
            r.next();
            return r.getInt(1);
        }
    }
}
