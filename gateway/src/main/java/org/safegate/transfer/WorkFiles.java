package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.safegate.files.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's working copies under {@code <data>/work/<transfer id>/}: the passed part of a
 * request file and its rejections, the released answers of an answer file and the notice of the
 * withheld ones, in plain text, made while a transfer is decided and sealed. They are parts of the
 * original, which is kept (archived or quarantined), so they go when the original reaches its
 * place; a transfer resumed after a stop makes them again, or no longer needs them. At start-up
 * the copies of transfers no longer in flight go too (a run stopped between the two steps).
 */
public final class WorkFiles {
    private static final Logger LOG = LoggerFactory.getLogger(WorkFiles.class);
    private static final Pattern TRANSFER_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;

    public WorkFiles(Path dataDir) {
        this.root = dataDir.resolve("work");
    }

    /** The transfer's working folder, created if need be. */
    Path folder(String transferId) throws IOException {
        return FileModes.createDirectories(root.resolve(transferId));
    }

    /**
     * Removes the transfer's working copies, if it has any. Never throws: the transfer has ended
     * whatever happens here, and the next start removes what is left.
     */
    void discard(String transferId) {
        Path folder = root.resolve(transferId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the working copies of transfer {} could not be removed, the next start tries again: {}",
                    transferId, e.toString());
        }
    }

    /**
     * Removes the working copies of every transfer that is not {@code inFlight}; returns how many
     * transfers had some. A failure (the store unreachable, say) leaves the rest for the next start.
     */
    public int sweep(Predicate<String> inFlight) {
        List<String> ended = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : folders) {
                String transferId = folder.getFileName().toString();
                // only what the gateway made: a transfer id (a UUID); anything else there is left alone
                if (TRANSFER_ID.matcher(transferId).matches() && !inFlight.test(transferId)) {
                    ended.add(transferId);
                }
            }
        } catch (NoSuchFileException none) {
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("working copies of ended transfers not swept, the next start tries again: {}", e.toString());
            return 0;
        }
        ended.forEach(this::discard);
        if (!ended.isEmpty()) {
            LOG.info("removed the working copies of {} ended transfers from {}", ended.size(), root);
        }
        return ended.size();
    }
}
