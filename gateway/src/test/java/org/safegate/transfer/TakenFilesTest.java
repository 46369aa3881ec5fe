package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/** The take out of an outbox: a rename on one file system, a durable copy across two, finished after a stop. */
class TakenFilesTest {
    @TempDir
    Path workspace;
    private Path outbox;
    private Path data;

    @BeforeEach
    void folders() throws IOException {
        outbox = Files.createDirectories(workspace.resolve("work/IRS/outbox"));
        data = Files.createDirectories(workspace.resolve("data"));
    }

    @Test
    void aFileIsRenamedIntoThePrivateFolderKeepingItsPlaceSizeAndTime() throws IOException {
        Path file = drop("IRS-DOJ-2024/a.csv", "tin,name\n");
        FileTime time = Files.getLastModifiedTime(file);

        Path taken = new TakenFiles(data).take("IRS", outbox, file);

        assertThat(taken).isEqualTo(data.resolve("taken/IRS/IRS-DOJ-2024/a.csv").toAbsolutePath())
                .hasContent("tin,name\n");
        assertThat(Files.getLastModifiedTime(taken)).isEqualTo(time);
        assertThat(file).doesNotExist();
        assertThat(Files.getPosixFilePermissions(data.resolve("taken/IRS/IRS-DOJ-2024")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void acrossFileSystemsTheFileIsCopiedThenRemovedFromTheOutbox() throws IOException {
        Path file = drop("IRS-DOJ-2024/a.csv", "tin,name\n");
        FileTime time = Files.getLastModifiedTime(file);

        Path taken = acrossFileSystems().take("IRS", outbox, file);

        assertThat(taken).hasContent("tin,name\n");
        assertThat(Files.getLastModifiedTime(taken).toMillis()).isEqualTo(time.toMillis());
        assertThat(Files.getPosixFilePermissions(taken))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(file).doesNotExist();
        assertThat(TransferScenarioTest.listAll(data.resolve("taken"))).containsExactly(taken);
    }

    @Test
    void anEarlierFileOfTheSameNameGoesFirstAndTheNewOneWaitsInTheOutbox() throws IOException {
        TakenFiles taken = new TakenFiles(data);
        Path first = taken.take("IRS", outbox, drop("IRS-DOJ-2024/a.csv", "first\n"));
        Path second = drop("IRS-DOJ-2024/a.csv", "second\n");

        assertThat(taken.take("IRS", outbox, second)).isEqualTo(first).hasContent("first\n");
        assertThat(second).hasContent("second\n");
    }

    @Test
    void aCopyStoppedHalfWayIsRemovedAndTheOriginalTakenAgain() throws IOException {
        Path file = drop("IRS-DOJ-2024/a.csv", "tin,name\n");
        Path partial = Files.createDirectories(data.resolve("taken/IRS/IRS-DOJ-2024")).resolve(".copying-a.csv");
        Files.writeString(partial, "tin,");

        new TakenFiles(data).finishInterrupted(Map.of("IRS", outbox));

        assertThat(partial).doesNotExist();
        assertThat(file).hasContent("tin,name\n");
        assertThat(new TakenFiles(data).take("IRS", outbox, file)).hasContent("tin,name\n");
    }

    @Test
    void aCompleteCopyStoppedBeforeTheOutboxLostItsOriginalIsFinishedOnce() throws IOException {
        Path file = drop("IRS-DOJ-2024/a.csv", "tin,name\n");
        Path complete = Files.createDirectories(data.resolve("taken/IRS/IRS-DOJ-2024")).resolve(".taking-a.csv");
        Files.copy(file, complete, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);

        new TakenFiles(data).finishInterrupted(Map.of("IRS", outbox));

        assertThat(file).as("the outbox's copy of a file taken whole").doesNotExist();
        assertThat(complete).doesNotExist();
        assertThat(data.resolve("taken/IRS/IRS-DOJ-2024/a.csv")).hasContent("tin,name\n");
    }

    @Test
    void aCompleteCopyWhoseOutboxNameHoldsAnotherFileIsFinishedAndTheOtherFileKept() throws IOException {
        Path complete = Files.createDirectories(data.resolve("taken/IRS/IRS-DOJ-2024")).resolve(".taking-a.csv");
        Files.writeString(complete, "tin,name\n");
        TestFiles.backdate(complete, Duration.ofMinutes(5));
        Path newer = drop("IRS-DOJ-2024/a.csv", "a new file\n");

        new TakenFiles(data).finishInterrupted(Map.of("IRS", outbox));

        assertThat(data.resolve("taken/IRS/IRS-DOJ-2024/a.csv")).hasContent("tin,name\n");
        assertThat(newer).hasContent("a new file\n");
    }

    private TakenFiles acrossFileSystems() {
        return new TakenFiles(data, (from, to) -> {
            throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "Invalid cross-device link");
        });
    }

    private Path drop(String place, String content) throws IOException {
        Path file = outbox.resolve(place);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(5));
        return file;
    }
}
