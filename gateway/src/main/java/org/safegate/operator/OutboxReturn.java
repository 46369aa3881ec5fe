package org.safegate.operator;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;
import org.safegate.files.FileModes;
import org.safegate.transfer.DurableFiles;
import org.safegate.transfer.Links;

/**
 * Puts a kept original back into an outbox durably and without ever replacing a file there: a
 * hard link when quarantine and outbox share a file system (the original keeps its bytes and
 * time), else a copy under a hidden name (which the outbox route ignores), forced to disk, then
 * linked under the final name. Either way the final name appears at once and complete.
 */
final class OutboxReturn {
    private OutboxReturn() {
    }

    /**
     * @param outbox the outbox {@code target} lies in: no folder from it down to the target may be a
     *               symbolic link, checked again as the folders are made
     * @throws FileAlreadyExistsException when the target name is taken (nothing was changed)
     */
    static void putBack(Path original, Path outbox, Path target) throws IOException {
        // checked before the folders are made (they would be made wherever a link points) and again after
        Links.requireNoSymbolicLink(outbox, target);
        Path folder = FileModes.createDirectories(target.getParent());
        Links.requireNoSymbolicLink(outbox, target);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(target, original)) {
            return; // an earlier release linked it before it could finish
        }
        try {
            Files.createLink(target, original);
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Path temp = DurableFiles.writeTemp(folder, "release-" + UUID.randomUUID(), out -> Files.copy(original, out));
            try {
                Files.createLink(target, temp);
            } finally {
                DurableFiles.removeTemp(temp);
            }
        }
        DurableFiles.syncFolder(folder);
    }
}
