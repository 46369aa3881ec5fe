package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the outbox consumer is allowed to see: no link, no file still changing, but a killed run's markers. */
class OutboxLinkGuardTest {
    @TempDir
    Path outbox;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Path> refused = new CopyOnWriteArrayList<>();

    private OutboxLinkGuard guard() {
        return new OutboxLinkGuard(outbox, refused::add, new QuietFiles(Duration.ofSeconds(1), nanos::get));
    }

    @Test
    void aFileIsOfferedOnlyOnceItHasStoppedChangingForASecond() throws IOException {
        OutboxLinkGuard guard = guard();
        Path file = Files.writeString(outbox.resolve("a.csv"), "tin\n");

        assertThat(guard.accept(entry(file))).isFalse();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(guard.accept(entry(file))).isTrue();
        assertThat(refused).isEmpty();
    }

    @Test
    void aFileWithAMarkerAKilledRunLeftIsCamelsToJudgeAtOnce() throws IOException {
        // at its first poll Camel asks the filter whether the orphaned marker is its own to delete
        Path file = Files.writeString(outbox.resolve("a.csv"), "tin\n");
        Files.createFile(outbox.resolve("a.csv.camelLock"));

        assertThat(guard().accept(entry(file))).isTrue();
    }

    @Test
    void aLinkIsHandedOnAndNeverOffered() throws IOException {
        Path link = Files.createSymbolicLink(outbox.resolve("IRS-DOJ-2024"), Files.createTempDirectory("elsewhere"));

        assertThat(guard().accept(entry(link))).isFalse();
        assertThat(refused).containsExactly(link);
    }

    private static GenericFile<File> entry(Path path) throws IOException {
        GenericFile<File> file = new GenericFile<>();
        file.setAbsoluteFilePath(path.toString());
        file.setFile(path.toFile());
        file.setDirectory(Files.isDirectory(path));
        file.setFileLength(Files.size(path));
        file.setLastModified(Files.getLastModifiedTime(path).toMillis());
        return file;
    }
}
