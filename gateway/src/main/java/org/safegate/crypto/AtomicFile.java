package org.safegate.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * A file written under a temporary name in its target directory and moved into place atomically
 * only when {@link #commit()} is called; {@link #close()} without a commit deletes it. So readers
 * of the target never see partial or unverified content.
 */
final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private boolean committed;

    private AtomicFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Starts writing {@code target}, which must not exist yet. */
    static AtomicFile create(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "output file already exists: " + target);
        }
        Path dir = absolute.getParent();
        try {
            Path temporary = Files.getFileStore(dir).supportsFileAttributeView("posix")
                    ? Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
            return new AtomicFile(absolute, temporary);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot create a temporary file in " + dir, e);
        }
    }

    Path temporary() {
        return temporary;
    }

    OutputStream newOutputStream() throws IOException {
        return Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Flushes the temporary file to disk and renames it to the target. */
    void commit() {
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot move the result into place at " + target, e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                throw new SafegateException(ErrorCode.IO_FAILURE, "cannot remove temporary file " + temporary, e);
            }
        }
    }
}
