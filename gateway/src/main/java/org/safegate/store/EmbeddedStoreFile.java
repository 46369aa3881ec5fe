package org.safegate.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The embedded SQLite store's file and how every connection to it is set up. The file (and the
 * {@code -wal} and {@code -shm} files SQLite gives the same permissions) is readable by the
 * gateway's account only, whatever the umask.
 */
final class EmbeddedStoreFile {
    /** How long a writer waits for another process's or thread's write to finish before it fails. */
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;

    private EmbeddedStoreFile() {
    }

    /** Creates the store's folder (owner only) and an empty file (owner read and write) if missing. */
    static void prepare(Path file) {
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // an existing store keeps its file
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot create the store file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Settings of every connection: write-ahead logging (readers and one writer at a time, across
     * processes); the log written at every commit and flushed to disk at durable commits and
     * checkpoints ({@link Dialect#begin}); a write transaction takes the write lock when it begins,
     * so two writers queue rather than one failing when it upgrades from reading; a writer waits
     * for the lock instead of failing at once.
     */
    static Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("synchronous", "NORMAL");
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
        properties.setProperty("foreign_keys", "false");
        return properties;
    }
}
