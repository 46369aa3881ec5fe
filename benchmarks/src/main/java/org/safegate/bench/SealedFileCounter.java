package org.safegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Counts the sealed files ({@code *.p7m}) published into an inbox folder, from the file system's
 * notices of new names rather than from listings: listing a folder of tens of thousands of files
 * several times a second took CPU from the gateway being measured, which shares the machine.
 * Names are counted once each: when the notices overflow, the names listed in the folder are
 * added, and a notice of a name already listed adds nothing.
 */
final class SealedFileCounter implements AutoCloseable {
    private final Path folder;
    private final WatchService watcher;
    private final Set<String> sealed = new HashSet<>();

    private SealedFileCounter(Path folder, WatchService watcher) throws IOException {
        this.folder = folder;
        this.watcher = watcher;
        addListed();
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
                    addListed();
                } else if (isSealed(event.context().toString())) {
                    sealed.add(event.context().toString());
                }
            }
            if (!key.reset()) {
                throw new IOException(folder + " can no longer be watched (removed?)");
            }
            key = watcher.poll();
        }
        return sealed.size();
    }

    private void addListed() throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            all.map(p -> p.getFileName().toString()).filter(SealedFileCounter::isSealed).forEach(sealed::add);
        }
    }

    private static boolean isSealed(String name) {
        return name.endsWith(".p7m");
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
