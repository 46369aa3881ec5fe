package org.safegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** One gateway run per data folder: a second is refused, naming the folder, until the first ends. */
class RunLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondRunOverTheSameDataFolderIsRefusedUntilTheFirstEnds() {
        try (RunLock first = RunLock.acquire(data)) {
            assertThatThrownBy(() -> RunLock.acquire(data)).isInstanceOfSatisfying(SafegateException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.GATEWAY_ALREADY_RUNNING);
                assertThat(e.getMessage()).contains(data.toString(), "one gateway per data folder");
            });
        }

        try (RunLock again = RunLock.acquire(data)) {
            assertThat(data.resolve(RunLock.FILE)).exists();
        }
    }
}
