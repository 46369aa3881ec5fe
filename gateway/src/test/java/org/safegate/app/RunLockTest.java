package org.safegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * One gateway run per data folder: a second is refused, naming the process that holds the folder
 * (its pid, host, start and command, written into run.lock), until the first ends.
 */
class RunLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondRunOverTheSameDataFolderIsRefusedUntilTheFirstEnds() {
        try (RunLock first = RunLock.acquire(data)) {
            assertThatThrownBy(() -> RunLock.acquire(data)).isInstanceOfSatisfying(SafegateException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.GATEWAY_ALREADY_RUNNING);
                assertThat(e.getMessage()).contains(data.toString(), "one gateway per data folder")
                        .contains("gateway process " + ProcessHandle.current().pid() + " on host ");
            });
            assertThat(RunLock.holder(data)).hasValueSatisfying(
                    holder -> assertThat(holder.pid()).isEqualTo(Long.toString(ProcessHandle.current().pid())));
        }

        assertThat(RunLock.holder(data)).isEmpty();
        try (RunLock again = RunLock.acquire(data)) {
            assertThat(data.resolve(RunLock.FILE)).exists();
        }
    }

    @Test
    void aRunInAnotherProcessIsNamedByItsPidHostStartAndCommand() throws Exception {
        try (RunLockProcess other = RunLockProcess.hold(data)) {
            String pid = Long.toString(other.pid());
            assertThat(Files.readString(data.resolve(RunLock.FILE))).contains("pid=" + pid, "host=", "started=",
                    "command=");

            assertThat(RunLock.holder(data)).hasValueSatisfying(holder -> {
                assertThat(holder.pid()).isEqualTo(pid);
                assertThat(holder.command()).contains(RunLockProcess.class.getName());
            });
            assertThatThrownBy(() -> RunLock.acquire(data)).isInstanceOfSatisfying(SafegateException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.GATEWAY_ALREADY_RUNNING);
                assertThat(e.getMessage()).startsWith("gateway process " + pid + " on host ")
                        .contains(", started ", "holds " + data.toAbsolutePath().resolve(RunLock.FILE));
            });
            assertThatThrownBy(() -> RunLock.requireFree(data)).hasMessageStartingWith("gateway process " + pid);
        }

        assertThat(RunLock.holder(data)).isEmpty();
        RunLock.requireFree(data);
    }

    @Test
    void lookingForAHolderCreatesNothing() {
        Path absent = data.resolve("not-yet");

        assertThat(RunLock.holder(absent)).isEmpty();
        assertThat(absent).doesNotExist();
    }

    @Test
    void aLockFileOfAnEarlierVersionHoldsNoNames() {
        assertThat(LockHolder.parse("")).isEmpty();
        assertThat(LockHolder.parse("pid=12\nhost=h\nstarted=s\ncommand=java -jar x run\n"))
                .contains(new LockHolder("12", "h", "s", "java -jar x run"));
    }
}
