package org.safegate.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check of the folders only the gateway's account should read: the data folder
 * (store, archive, quarantine, plain-text working copies) is created owner-only; it, and a file key
 * store, are named in a warning when other accounts can read or enter them.
 */
final class PrivateFolders {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFolders.class);

    private PrivateFolders() {
    }

    /** Creates the data folder owner-only if it is missing; warns when an existing one is open to others. */
    static void prepareData(Path data) {
        try {
            FileModes.createPrivateDirectories(data);
            warnIfOpen(data, "the data folder (safegate.data)");
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot create the data folder " + data + ": "
                    + e.getMessage(), e);
        }
    }

    /** Warns when a file key store ({@code file:DIR}) is open to other accounts. */
    static void checkKeyFolder(String keysSpec, Path workingDir) {
        if (!keysSpec.startsWith("file:")) {
            return;
        }
        Path folder = workingDir.resolve(keysSpec.substring("file:".length()));
        try {
            if (Files.isDirectory(folder)) {
                warnIfOpen(folder, "the key store (safegate.keys)");
            }
        } catch (IOException e) {
            LOG.warn("cannot check who may read the key store {}: {}", folder, e.getMessage());
        }
    }

    private static void warnIfOpen(Path folder, String what) throws IOException {
        if (FileModes.openToOthers(folder)) {
            LOG.warn("{} {} can be read by other accounts than the gateway's: make it readable by its owner only"
                    + " (chmod 700)", what, folder.toAbsolutePath());
        }
    }
}
