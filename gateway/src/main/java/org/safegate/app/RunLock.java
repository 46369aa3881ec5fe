package org.safegate.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;

/**
 * One run of the gateway per data folder. Two runs over one folder (a `run --once` started beside
 * the daemon) would both retry the files taken into its private folder, where no read-lock marker
 * keeps them apart, and both deliver them; a start would also finish another run's half-done
 * takes. The lock is the file system's, so it ends with the process, however it ends.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the data folder's lock, or refuses, naming the folder, when another run holds it. */
    static RunLock acquire(Path data) {
        Path file = data.resolve(FILE);
        FileChannel channel = null;
        try {
            FileModes.createDirectories(data);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    FileModes.ownerOnly());
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new RunLock(channel, lock);
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // another run in this very process holds it: refused like one in another process
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot lock the data folder " + data + " ("
                    + file + "): " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new SafegateException(ErrorCode.GATEWAY_ALREADY_RUNNING, "another gateway run is using the data folder "
                + data + " (it holds " + file + "): run one gateway per data folder; stop the other run first");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written: there is nothing to lose
        }
    }
}
