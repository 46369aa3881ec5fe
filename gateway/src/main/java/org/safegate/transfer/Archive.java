package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the originals of finished transfers are kept: {@code <data>/archive/<transfer id>/original}.
 * Archiving is the last step of a transfer, so an archived original also says the transfer is
 * finished (a stopped run may not have journaled it DONE yet).
 */
final class Archive {
    private final Path root;
    private final WorkFiles work;

    Archive(Path dataDir) {
        this.root = dataDir.resolve("archive");
        this.work = new WorkFiles(dataDir);
    }

    /**
     * Moves the original in, durably; a file already gone (archived by a stopped run) is left so.
     * The working copies made from the original go once it is here ({@link WorkFiles}).
     */
    void keep(Path file, String transferId) throws IOException {
        if (Files.exists(file)) {
            Path folder = Files.createDirectories(root.resolve(transferId));
            Files.move(file, folder.resolve(Quarantine.ORIGINAL), StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncFolder(folder);
            DurableFiles.syncFolder(file.getParent());
        }
        work.discard(transferId);
    }

    /** Whether the transfer's original is archived. */
    boolean has(String transferId) {
        return Files.exists(root.resolve(transferId).resolve(Quarantine.ORIGINAL));
    }
}
