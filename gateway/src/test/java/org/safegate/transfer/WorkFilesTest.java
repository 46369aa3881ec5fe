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
        Files.writeString(work.folder("ended").resolve("released.csv"), "answer\n");
        Files.writeString(work.folder("running").resolve("released.csv"), "answer\n");

        assertThat(work.sweep(Set.of("running")::contains)).isEqualTo(1);

        assertThat(data.resolve("work/ended")).doesNotExist();
        assertThat(data.resolve("work/running/released.csv")).exists();
    }

    @Test
    void sweepWithoutAWorkFolderOrWithTheStoreDownRemovesNothing() throws Exception {
        assertThat(new WorkFiles(data).sweep(id -> false)).isZero();

        WorkFiles work = new WorkFiles(data);
        Path copy = work.folder("unknown").resolve("passed.csv");
        Files.writeString(copy, "R-001\n");
        assertThat(work.sweep(id -> {
            throw new IllegalStateException("store unreachable");
        })).isZero();
        assertThat(copy).exists();
    }
}
