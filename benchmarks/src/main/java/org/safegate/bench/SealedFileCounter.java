package org.safegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts the sealed files ({@code *.p7m}) published into an inbox folder, from the file system's
 * notices of new names rather than from listings: listing a folder of tens of thousands of files
 * several times a second took CPU from the gateway being measured, which shares the machine.
 * When the notices overflow, the folder is listed once to count again.
 */
final class SealedFileCounter implements AutoCloseable {
    private final Path folder;
    private final WatchService watcher;
    private long count;

    private SealedFileCounter(Path folder, WatchService watcher) throws IOException {
        this.folder = folder;
        this.watcher = watcher;
        this.count = list();
    }

    /** Starts counting in {@code folder}, creating it if need be; files already there are counted. */
    static SealedFileCounter watching(Path folder) throws IOException {
        Files.createDirectories(folder);
        WatchService watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        return new SealedFileCounter(folder, watcher);
    }

    /** The count after waiting up to {@code millis} for new names. */
    long count(long millis) throws IOException, InterruptedException {
        WatchKey key = watcher.poll(millis, TimeUnit.MILLISECONDS);
        while (key != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    count = list();
                } else if (event.context().toString().endsWith(".p7m")) {
                    count++;
                }
            }
            key.reset();
            key = watcher.poll();
        }
        return count;
    }

    private long list() throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".p7m")).count();
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
