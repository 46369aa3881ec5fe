package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.safegate.files.FileModes;

/**
 * Keeps denied and quarantined originals under {@code <data>/quarantine/<transfer-id>/}, with a
 * {@code reason.json} saying what arrived, from whom, when and why it was not sent. Nothing is
 * deleted: the file leaves the outbox only once its copy here is durable.
 */
public final class Quarantine {
    public static final String ORIGINAL = "original";
    public static final String REASON_FILE = ReasonFile.NAME;
    /** Written beside the reason file when an operator releases the original: who, when, where to. */
    public static final String RELEASED_FILE = "released.json";

    private final Path root;
    private final WorkFiles work;

    public Quarantine(Path dataDir) {
        this.root = dataDir.resolve("quarantine");
        this.work = new WorkFiles(dataDir);
    }

    /** A reason the file is held here: a code and a sentence. */
    public record Reason(String code, String message) {
    }

    /** Moves the original in, writes its reason file, and returns the transfer's quarantine folder. */
    public Path keep(String transferId, String sender, String originalPath, Path original, String outcome,
                     List<Reason> reasons, Instant at) throws IOException {
        writeReason(transferId, sender, originalPath, outcome, reasons, at);
        return moveIn(transferId, original);
    }

    /**
     * Writes the transfer's reason file, unless a previous attempt already did (a run stopped half
     * way through a refusal resumes with the same reasons, so the first file stands).
     */
    public Path writeReason(String transferId, String sender, String originalPath, String outcome,
                            List<Reason> reasons, Instant at) throws IOException {
        Path folder = FileModes.createDirectories(root.resolve(transferId));
        if (Files.isRegularFile(folder.resolve(REASON_FILE))) {
            return folder;
        }
        ReasonFile.of(transferId, outcome, sender, originalPath, reasons, at).write(folder);
        return folder;
    }

    /**
     * Moves the original in (durably: its new name is synced before the outbox loses it), unless it
     * is already here. A link or special file is moved as what it is, never followed, and so is a
     * file with other hard links: never copied (which would read it) when it cannot be renamed. The
     * working copies made from the original go once it is here ({@link WorkFiles}).
     */
    public Path moveIn(String transferId, Path original) throws IOException {
        Path folder = FileModes.createDirectories(root.resolve(transferId));
        Path target = folder.resolve(ORIGINAL);
        if (!holdsOriginal(transferId) && Files.exists(original, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(original, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Links.names(original) == 1) {
                moveDurably(original, target);
                // a plain file with no other name: in quarantine it is the gateway's only
                FileModes.settle(target);
            } else {
                Files.move(original, target, StandardCopyOption.ATOMIC_MOVE);
            }
            DurableFiles.syncFolder(folder);
            DurableFiles.syncFolder(original.getParent());
        }
        work.discard(transferId);
        return folder;
    }

    /** True once the transfer's original is kept here. */
    public boolean holdsOriginal(String transferId) {
        return Files.exists(root.resolve(transferId).resolve(ORIGINAL), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static void moveDurably(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException otherDisk) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            try (var channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.delete(source);
        }
    }

    public Path root() {
        return root;
    }
}
