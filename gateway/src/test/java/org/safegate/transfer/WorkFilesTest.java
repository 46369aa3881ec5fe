package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-text working copies of transfers: made while a transfer runs, gone once it ended. */
class WorkFilesTest {
    @TempDir
    Path data;

    @Test
    void discardRemovesTheTransfersFolderAndNothingElse() throws Exception {
        WorkFiles work = new WorkFiles(data);
        Path mine = work.folder("t-1");
        Files.writeString(mine.resolve("passed-batch.csv"), "R-001,...\n");
        Files.createDirectories(mine.resolve("nested")).resolve("x").toFile().createNewFile();
        Path other = work.folder("t-2");
        Files.writeString(other.resolve("withheld.csv"), "R-002\n");

        work.discard("t-1");
        work.discard("t-1");
        work.discard("never-had-any");

        assertThat(mine).doesNotExist();
        assertThat(other.resolve("withheld.csv")).exists();
    }

    @Test
    void sweepRemovesTheCopiesOfTransfersNotInFlight() throws Exception {
        WorkFiles work = new WorkFiles(data);
        Files.writeString(work.folder("0b7c9a1e-4f2d-4c3b-9a8e-1d2c3b4a5f60").resolve("released.csv"), "answer\n");
        Files.writeString(work.folder("5e0f7a21-6b3c-4d2e-8f1a-2b3c4d5e6f70").resolve("released.csv"), "answer\n");
        // not a transfer id: not the gateway's to remove (a mount point's lost+found, say)
        Files.createDirectories(data.resolve("work/lost+found"));

        assertThat(work.sweep(Set.of("5e0f7a21-6b3c-4d2e-8f1a-2b3c4d5e6f70")::contains)).isEqualTo(1);

        assertThat(data.resolve("work/0b7c9a1e-4f2d-4c3b-9a8e-1d2c3b4a5f60")).doesNotExist();
        assertThat(data.resolve("work/5e0f7a21-6b3c-4d2e-8f1a-2b3c4d5e6f70/released.csv")).exists();
        assertThat(data.resolve("work/lost+found")).exists();
    }

    @Test
    void sweepWithoutAWorkFolderOrWithTheStoreDownRemovesNothing() throws Exception {
        assertThat(new WorkFiles(data).sweep(id -> false)).isZero();

        WorkFiles work = new WorkFiles(data);
        Path copy = work.folder("9d1c2b4e-7a6f-4e5d-b3c2-a1f0e9d8c7b6").resolve("passed.csv");
        Files.writeString(copy, "R-001\n");
        assertThat(work.sweep(id -> {
            throw new IllegalStateException("store unreachable");
        })).isZero();
        assertThat(copy).exists();
    }
}
