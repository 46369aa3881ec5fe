package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.files.FileModes;

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
     * The working copies made from the original go once it is here ({@link WorkFiles}). A name that
     * has become a link, or a file that has gained another name, since it was taken is not moved:
     * the rename would act on whatever the link points to.
     */
    void keep(Path file, String transferId) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Links.names(file) > 1) {
                throw new SafegateException(ErrorCode.LINK_REFUSED, file + " became a link after it was taken;"
                        + " it is not moved into the archive, and is refused as a link at the next attempt");
            }
            Path folder = FileModes.createDirectories(root.resolve(transferId));
            Path kept = Files.move(file, folder.resolve(Quarantine.ORIGINAL), StandardCopyOption.ATOMIC_MOVE);
            // the sender's file may have been open to its group: in the archive it is the gateway's only
            FileModes.settle(kept);
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
