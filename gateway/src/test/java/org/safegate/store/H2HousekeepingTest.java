package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's file stays in proportion to its data, on the real H2 file store. */
class H2HousekeepingTest {
    private static final int ROWS = 6000;
    private static final int ROUND_EVERY = 250;

    @TempDir
    Path dir;

    @Test
    @DisplayName("6,000 rows committed one by one, as the journal does. Result: with housekeeping the file is under half the size it reaches without.")
    void commitsOneByOne_resultFileKeptSmall() throws Exception {
        long without = fileSizeAfterCommits(dir.resolve("without"), false);
        long with = fileSizeAfterCommits(dir.resolve("with"), true);

        assertThat(with).as("file with housekeeping (%d bytes) vs without (%d bytes)", with, without)
                .isLessThan(without / 2);
    }

    @Test
    @DisplayName("A connection to the store through the owner's server (as a CLI command reaches a running gateway's AUTO_SERVER). Result: no file store in this session; a round leaves the file to its owner and fails nothing.")
    void remoteSession_resultHousekeepingLeftToTheOwner() throws Exception {
        String file = dir.resolve("owned").resolve("store").toAbsolutePath().toString();
        try (Connection owner = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            assertThat(H2Housekeeping.fileStore(owner)).isPresent();
            Server server = Server.createTcpServer("-tcpPort", "0").start();
            try {
                String remote = "jdbc:h2:tcp://localhost:" + server.getPort() + "/" + file;
                try (Connection connection = DriverManager.getConnection(remote, "sa", "")) {
                    assertThat(H2Housekeeping.fileStore(connection)).isEmpty();
                }
                new H2Housekeeping(() -> DriverManager.getConnection(remote, "sa", "")).round();
            } finally {
                server.stop();
            }
        }
    }

    private static long fileSizeAfterCommits(Path folder, boolean housekeeping) throws Exception {
        // the retention time that lets a chunk be reused at once: a test cannot wait the gateway's seconds
        String url = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + ";WRITE_DELAY=0;RETENTION_TIME=0";
        H2Housekeeping keeper = new H2Housekeeping(() -> DriverManager.getConnection(url, "sa", ""));
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE journal (id VARCHAR(40) PRIMARY KEY, path VARCHAR(1000), state VARCHAR(16))");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO journal VALUES (?, ?, 'SEALING')")) {
                for (int i = 1; i <= ROWS; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "/srv/outbox/IRS-DOJ-2024/extract-" + i + ".csv");
                    insert.executeUpdate();
                    connection.commit();
                    if (housekeeping && i % ROUND_EVERY == 0) {
                        keeper.round();
                    }
                }
            }
            return Files.size(folder.resolve("store.mv.db"));
        }
    }
}
