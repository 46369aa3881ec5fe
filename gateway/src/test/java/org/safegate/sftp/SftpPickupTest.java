package org.safegate.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.keys.FileKeyStore;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.Reference;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.HeldFiles;

/** Taking files from an agency's SFTP outbox into the local spool, once each, across stops. */
class SftpPickupTest {
    private static final String PASSWORD = "pickup-password";

    @TempDir
    Path work;
    private TestSftpServer server;
    private SftpFolders folders;
    private RemoteOutboxes outboxes;
    private Endpoint outbox;

    @BeforeEach
    void start() throws IOException {
        server = TestSftpServer.start(work.resolve("server"), "irs", PASSWORD);
        Files.writeString(work.resolve("password"), PASSWORD);
        folders = new SftpFolders(new FileKeyStore(Files.createDirectories(work.resolve("keys"))), work, Map.of());
        outboxes = folders.outboxes(work.resolve("data"));
        outbox = Endpoint.sftp("127.0.0.1", server.port(), "irs", new Reference("file:password"),
                server.hostKeyFingerprint(), "/outbox");
    }

    @AfterEach
    void stop() throws IOException {
        folders.close();
        server.close();
    }

    @Test
    void aFileThatStoppedChangingIsTakenOnTheSecondLookAndRemovedFromTheServer() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "tin,name\n1,Jane\n");

        assertThat(collect()).isZero();
        assertThat(outboxes.waiting()).isEqualTo(1);
        assertThat(collect()).isEqualTo(1);

        assertThat(spool().resolve("IRS-DOJ-2024/a.csv")).hasContent("tin,name\n1,Jane\n");
        assertThat(remote).doesNotExist();
        assertThat(outboxes.waiting()).isZero();
        assertThat(hidden(spool())).isEmpty();
        assertThat(files(work.resolve("data/sftp-outbox/IRS/taken"))).isEmpty();
    }

    @Test
    void hiddenFilesAreStillBeingWrittenAndAreLeftAlone() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/.a.csv.part", "half");

        collect();
        collect();

        assertThat(remote).exists();
        assertThat(files(spool())).isEmpty();
        assertThat(outboxes.waiting()).isZero();
    }

    @Test
    void aFileThatChangesBetweenLooksWaitsUntilItStops() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "tin\n");
        collect();
        Files.writeString(remote, "tin\n1\n");

        assertThat(collect()).isZero();
        assertThat(outboxes.waiting()).isEqualTo(1);
        assertThat(collect()).isEqualTo(1);
        assertThat(spool().resolve("IRS-DOJ-2024/a.csv")).hasContent("tin\n1\n");
    }

    @Test
    void filesOutOfPlaceComeInTooSoTheOutboxRulesQuarantineThem() throws IOException {
        remoteFile("loose.csv", "x");
        remoteFile("IRS-DOJ-2024/deeper/still/b.csv", "y");

        collect();
        collect();

        assertThat(spool().resolve("loose.csv")).hasContent("x");
        assertThat(spool().resolve("IRS-DOJ-2024/deeper/still/b.csv")).hasContent("y");
        assertThat(files(server.root())).isEmpty();
    }

    @Test
    void aNameStillWaitingInTheSpoolIsNeverOverwritten() throws IOException {
        Files.createDirectories(spool().resolve("IRS-DOJ-2024"));
        Files.writeString(spool().resolve("IRS-DOJ-2024/a.csv"), "first");
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "second");

        collect();
        assertThat(collect()).isZero();
        assertThat(spool().resolve("IRS-DOJ-2024/a.csv")).hasContent("first");
        assertThat(remote).exists();

        Files.delete(spool().resolve("IRS-DOJ-2024/a.csv"));
        assertThat(collect()).isEqualTo(1);
        assertThat(spool().resolve("IRS-DOJ-2024/a.csv")).hasContent("second");
    }

    @Test
    void aRunStoppedAfterPublishingButBeforeRemovingTheRemoteFileDoesNotTakeItTwice() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "once");
        // the stopped run had noted the file, published it, and the gateway had already sent it on
        noteTaken("IRS-DOJ-2024/a.csv", remote);

        assertThat(collect()).isEqualTo(1);

        assertThat(remote).doesNotExist();
        assertThat(files(spool())).isEmpty();
        assertThat(files(work.resolve("data/sftp-outbox/IRS/taken"))).isEmpty();
    }

    @Test
    void aRunStoppedBeforePublishingItsCompleteDownloadPublishesItOnce() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "once");
        noteTaken("IRS-DOJ-2024/a.csv", remote);
        Path temp = spool().resolve("IRS-DOJ-2024").resolve(PickupMarkers.tempName("IRS-DOJ-2024/a.csv"));
        Files.createDirectories(temp.getParent());
        Files.writeString(temp, "once");

        assertThat(collect()).isEqualTo(1);
        assertThat(collect()).isZero();

        assertThat(files(spool())).containsExactly(spool().resolve("IRS-DOJ-2024/a.csv"));
        assertThat(spool().resolve("IRS-DOJ-2024/a.csv")).hasContent("once");
        assertThat(remote).doesNotExist();
    }

    @Test
    void aFileTheServerWillNotHandOverIsHeldWithoutStoppingTheOthers() throws IOException {
        remoteFile("IRS-DOJ-2024/a.csv", "free");
        Path locked = remoteFile("IRS-DOJ-2024/locked.csv", "locked");
        server.refuse("locked.csv");
        HeldFiles held = new HeldFiles(TestClocks.runningFromCaseDay());

        outboxes.pickUp("IRS", outbox, held);
        outboxes.pickUp("IRS", outbox, held);

        Path lockedInSpool = spool().resolve("IRS-DOJ-2024/locked.csv");
        assertThat(spool().resolve("IRS-DOJ-2024/a.csv")).hasContent("free");
        assertThat(locked).exists();
        assertThat(held.current()).containsOnlyKeys(lockedInSpool);
        assertThat(held.current().get(lockedInSpool)).contains("/outbox/IRS-DOJ-2024/locked.csv")
                .contains("SSH_FX_PERMISSION_DENIED");

        server.allow("locked.csv");
        outboxes.pickUp("IRS", outbox, held);

        assertThat(lockedInSpool).hasContent("locked");
        assertThat(held.current()).isEmpty();
    }

    @Test
    void anUnreachableOutboxIsHeldAndItsFilesStay() throws IOException {
        Path remote = remoteFile("IRS-DOJ-2024/a.csv", "kept");
        server.stop();
        HeldFiles held = new HeldFiles(TestClocks.runningFromCaseDay());

        outboxes.pickUp("IRS", outbox, held);

        assertThat(held.current()).containsOnlyKeys(spool());
        assertThat(held.current().get(spool())).contains(outbox.describe()).contains("cannot connect");
        assertThat(remote).hasContent("kept");
    }

    @Test
    void anUnreachableServerIsAnErrorNamingTheOutbox() throws IOException {
        remoteFile("IRS-DOJ-2024/a.csv", "kept");
        server.stop();

        assertThatThrownBy(this::collect).isInstanceOf(IOException.class).hasMessageContaining(outbox.describe())
                .hasMessageContaining("cannot connect");
        assertThat(server.root().resolve("outbox/IRS-DOJ-2024/a.csv")).hasContent("kept");
    }

    private int collect() throws IOException {
        return outboxes.collect("IRS", outbox);
    }

    private Path spool() {
        return outboxes.spool("IRS");
    }

    private void noteTaken(String relative, Path remote) throws IOException {
        new PickupMarkers(work.resolve("data/sftp-outbox/IRS/taken")).write(new PickupMarkers.Marker(relative,
                Files.size(remote), Files.getLastModifiedTime(remote).toMillis() / 1000));
    }

    private Path remoteFile(String relative, String content) throws IOException {
        Path file = server.root().resolve("outbox").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(60));
        return file;
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> hidden(Path folder) throws IOException {
        return files(folder).stream().filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
}
