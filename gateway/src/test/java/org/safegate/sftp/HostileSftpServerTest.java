package org.safegate.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safegate.keys.FileKeyStore;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.Reference;
import org.safegate.testing.TestFiles;

/**
 * A partner's SFTP server that lists names which would climb out of the spool, or hide in it.
 * Result each time: the entry is left on the server, nothing is written outside the spool, and the
 * name is reported once however often the outbox is listed.
 */
class HostileSftpServerTest {
    private static final String PASSWORD = "pickup-password";

    @TempDir
    Path work;
    private TestSftpServer server;
    private SftpFolders folders;
    private RemoteOutboxes outboxes;
    private Endpoint outbox;
    private final List<String> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = TestSftpServer.start(work.resolve("server"), "irs", PASSWORD);
        Files.writeString(work.resolve("password"), PASSWORD);
        folders = new SftpFolders(new FileKeyStore(Files.createDirectories(work.resolve("keys"))), work, Map.of());
        outboxes = folders.outboxes(work.resolve("data"),
                (agency, where, problem) -> reported.add(agency + " " + where + ": " + problem));
        outbox = Endpoint.sftp("127.0.0.1", server.port(), "irs", new Reference("file:password"),
                server.hostKeyFingerprint(), "/outbox");
        // as the outbox route, which watches it, creates it; files taken earlier left an agreement's folder
        Files.createDirectories(spool().resolve("IRS-DOJ-2024"));
    }

    @AfterEach
    void stop() throws IOException {
        folders.close();
        server.close();
    }

    @Test
    void aRemoteNameWithDotDotIsRefusedAndLeftOnTheServer() throws IOException {
        // the gateway's working folder, with its policies, lies five levels above the spool
        Path operators = Files.createDirectories(work.resolve("policies/operators"));
        Path remote = remoteFile("evil.yaml", "id: evil\nroles: [administrator, security-officer, auditor]\n");
        server.listAs("evil.yaml", "IRS-DOJ-2024/../../../../../policies/operators/evil.yaml");

        collectThreeTimes();

        assertThat(operators.resolve("evil.yaml")).doesNotExist();
        assertThat(remote).exists();
        assertThat(filesNamed("evil.yaml")).containsExactly(remote);
        assertThat(regularFiles(spool())).isEmpty();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).startsWith("IRS ").contains("IRS-DOJ-2024/../../../../../policies/operators/evil.yaml")
                .contains("could leave");
    }

    @Test
    void anAbsoluteRemoteNameIsRefusedAndLeftOnTheServer() throws IOException {
        Path remote = remoteFile("abs.csv", "x");
        server.listAs("abs.csv", work.resolve("planted.csv").toString());

        collectThreeTimes();

        assertThat(remote).exists();
        assertThat(work.resolve("planted.csv")).doesNotExist();
        assertThat(regularFiles(spool())).isEmpty();
        assertThat(reported).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IRS-DOJ-2024/a.csv", "a\\..\\..\\b.csv", "nul\u0000.csv", "bell\u0007.csv",
            "line\nbreak.csv", "del\u007f.csv"})
    void aRemoteNameWithASeparatorOrControlCharacterIsRefusedAndLeftOnTheServer(String listed) throws IOException {
        Path remote = remoteFile("plain.csv", "x");
        server.listAs("plain.csv", listed);

        collectThreeTimes();

        assertThat(remote).exists();
        assertThat(regularFiles(spool())).isEmpty();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\n");
    }

    @Test
    void aFolderListedUnderAClimbingNameIsNotWalked() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "x");
        server.listAs("IRS-DOJ-2024", "x/../../../escape");

        collectThreeTimes();

        assertThat(remote).exists();
        assertThat(filesNamed("a.csv")).containsExactly(remote);
        assertThat(reported).hasSize(1);
    }

    @Test
    void theOtherFilesOfTheOutboxAreStillTaken() throws IOException {
        remoteFile("evil.csv", "x");
        server.listAs("evil.csv", "sub/../../evil.csv");
        Path fine = remoteFile("IRS-DOJ-2024/fine.csv", "fine");

        collectThreeTimes();

        assertThat(fine).doesNotExist();
        assertThat(spool().resolve("IRS-DOJ-2024/fine.csv")).hasContent("fine");
        assertThat(outboxes.waiting()).isZero();
    }

    private void collectThreeTimes() throws IOException {
        for (int i = 0; i < 3; i++) {
            outboxes.collect("IRS", outbox);
        }
    }

    private Path spool() {
        return outboxes.spool("IRS");
    }

    private Path remoteFile(String relative, String content) throws IOException {
        Path file = server.root().resolve("outbox").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(60));
        return file;
    }

    /** Every file of that name anywhere in the test's folder, the server's included. */
    private List<Path> filesNamed(String name) throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            return all.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
