package org.safegate.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;

/**
 * One run of the gateway per data folder. Two runs over one folder (a `run --once` started beside
 * the daemon) would both retry the files taken into its private folder, where no read-lock marker
 * keeps them apart, and both deliver them; a start would also finish another run's half-done
 * takes. The lock is the file system's, so it ends with the process, however it ends. Its holder
 * writes who it is into the file ({@link LockHolder}), so a refusal names the process.
 *
 * <p>Locks this JVM holds are also kept in a table: on Linux, closing any channel of a file
 * releases every lock the process holds on it, so a second look from this process must never
 * open (and close) the file.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private static final Map<Path, LockHolder> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the data folder's lock, or refuses, naming the process that holds it. */
    static RunLock acquire(Path data) {
        Path file = lockFile(data);
        LockHolder self = LockHolder.current();
        LockHolder earlier = HELD_HERE.putIfAbsent(file, self);
        if (earlier != null) {
            throw refusal(data, file, Optional.of(earlier));
        }
        FileChannel channel = null;
        try {
            FileModes.createDirectories(data);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), FileModes.ownerOnly());
            FileLock lock = channel.tryLock();
            if (lock != null) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(self.text().getBytes(StandardCharsets.UTF_8)), 0);
                return new RunLock(file, channel, lock);
            }
            Optional<LockHolder> other = LockHolder.parse(read(channel));
            closeQuietly(channel);
            HELD_HERE.remove(file);
            throw refusal(data, file, other);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_HERE.remove(file);
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot lock the data folder " + data + " ("
                    + file + "): " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, naming the holder, when another gateway run (in this process or another) holds
     * the data folder; creates nothing. For commands that must not start beside a running gateway.
     */
    public static void requireFree(Path data) {
        holder(data).ifPresent(holder -> {
            throw refusal(data, lockFile(data), Optional.of(holder));
        });
    }

    /**
     * The gateway run holding the data folder, if one does; creates nothing. A lock held by an
     * earlier version (which wrote nothing into the file) reads as a holder of unknown pid.
     */
    public static Optional<LockHolder> holder(Path data) {
        Path file = lockFile(data);
        LockHolder here = HELD_HERE.get(file);
        if (here != null) {
            return Optional.of(here);
        }
        // a shared lock, which needs only read access (an auditor may not write the data folder),
        // is refused while a run holds its exclusive one
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(LockHolder.parse(read(channel))
                    .orElse(new LockHolder("unknown", "unknown", "unknown", "an earlier Safegate version")));
        } catch (NoSuchFileException never) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot tell whether a gateway runs on " + data
                    + " (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
        HELD_HERE.remove(file);
    }

    private static Path lockFile(Path data) {
        return data.toAbsolutePath().normalize().resolve(FILE);
    }

    private static SafegateException refusal(Path data, Path file, Optional<LockHolder> holder) {
        String who = holder.map(h -> h.describe(file)).orElse("another gateway run holds " + file);
        return new SafegateException(ErrorCode.GATEWAY_ALREADY_RUNNING, who + ": run one gateway per data folder "
                + data + "; stop that run first");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
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
