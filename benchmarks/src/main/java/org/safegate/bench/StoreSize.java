package org.safegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The bytes the embedded store takes on disk: its file with the write-ahead log and index beside it. */
final class StoreSize {
    private StoreSize() {
    }

    static long of(Path dataDir) {
        try (Stream<Path> files = Files.list(dataDir.resolve("store"))) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
