package org.safegate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.stream.Stream;

/** Files as the tests need them: the repository's own, copies of them, and files that look finished. */
public final class TestFiles {
    private TestFiles() {
    }

    /** The checkout's root: the folder holding {@code policies/} and {@code keys-example/}. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("safegate.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("keys-example")) && Files.isDirectory(dir.resolve("policies"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    /** Copies a folder and everything below it; a file already at the target (a test's own variant) is kept. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Moves a file's modification time back by {@code age} from when it was written, so that the
     * gateway, which waits for files to stop changing, takes it at once. The file system's own time
     * is used, never a test clock: that is what the gateway compares it with.
     */
    public static Path backdate(Path file, Duration age) {
        try {
            FileTime written = Files.getLastModifiedTime(file);
            Files.setLastModifiedTime(file, FileTime.from(written.toInstant().minus(age)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
