package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.safegate.files.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's private snapshot of each file an agency sends. The first thing that happens to a
 * file is that it leaves the outbox for {@code <data>/taken/<agency>/<its place in the outbox>}, a
 * folder only the gateway's account can enter; every later step (digest, sender signature,
 * redisclosure, request inspection, sealing, archive) reads that one copy. Whatever the sender or
 * anyone with access to the outbox does to the outbox afterwards (a rename over the name, new
 * content) is a new file: it can never change the bytes that were checked, nor be delivered under
 * their digest.
 *
 * <p>On the same file system the take is a rename. Across file systems it is a copy forced to
 * disk before the outbox's copy is removed, in three steps a stopped run can always finish:
 * {@code .copying-NAME} (incomplete: removed at the next start), {@code .taking-NAME} (complete
 * and durable: the outbox's copy is removed if still there, then it is named {@code NAME}). The
 * file keeps its size and modification time, so the journal recognises it in either place.
 */
public final class TakenFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TakenFiles.class);
    static final String COPYING = ".copying-";
    static final String TAKING = ".taking-";

    /** Renames a file within one file system; throws {@link AtomicMoveNotSupportedException} across two. */
    interface Renamer {
        void rename(Path from, Path to) throws IOException;
    }

    private final Path root;
    private final Renamer renamer;

    public TakenFiles(Path dataDir) {
        this(dataDir, (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE));
    }

    TakenFiles(Path dataDir, Renamer renamer) {
        this.root = dataDir.resolve("taken").toAbsolutePath().normalize();
        this.renamer = renamer;
    }

    /** The private folder the agency's files are taken into. */
    public Path root(String agency) {
        return root.resolve(agency);
    }

    /** Whether {@code file} lies in the agency's private folder (taken already) rather than in its outbox. */
    public boolean holds(String agency, Path file) {
        return file.toAbsolutePath().normalize().startsWith(root(agency));
    }

    /**
     * Takes {@code file} out of the outbox and returns its private copy. When an earlier file of the
     * same name is still there (held, or left by a stopped run), nothing is moved and the earlier
     * one is returned: it goes first, and the new one waits in the outbox until the name is free.
     * The caller has refused links in the outbox already; the private copy is checked again.
     */
    public Path take(String agency, Path outbox, Path file) throws IOException {
        Path target = root(agency).resolve(outbox.relativize(file).toString());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        privateFolder(agency);
        FileModes.createDirectories(target.getParent());
        try {
            renamer.rename(file, target);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            copyAcross(file, target);
        }
        return target;
    }

    /**
     * Makes the agency's private folder (and the one of all agencies) for the gateway's account only,
     * whatever the data folder allows: the folders below it then follow it.
     */
    public Path privateFolder(String agency) throws IOException {
        Path folder = root(agency);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            FileModes.createPrivateDirectories(root);
            FileModes.createPrivateDirectories(folder);
        }
        return folder;
    }

    /** Copies, forces to disk, then removes the outbox's copy: at no moment is the file in neither place. */
    private static void copyAcross(Path file, Path target) throws IOException {
        Path copying = target.resolveSibling(COPYING + target.getFileName());
        Path taking = target.resolveSibling(TAKING + target.getFileName());
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             FileChannel out = FileChannel.open(copying, java.util.Set.of(StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), FileModes.ownerOnly())) {
            OutputStream sink = Channels.newOutputStream(out);
            in.transferTo(sink);
            sink.flush();
            out.force(true);
        }
        Files.setLastModifiedTime(copying, attributes.lastModifiedTime());
        Files.move(copying, taking, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.syncFolder(target.getParent());
        Files.deleteIfExists(file);
        Files.move(taking, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Finishes the takes a stopped run left half done across file systems; call before any outbox
     * is polled. An incomplete copy goes (its original is still in the outbox); a complete one is
     * named as taken, after the outbox's copy (same size and time) is removed.
     */
    public void finishInterrupted(Map<String, Path> outboxes) {
        for (Map.Entry<String, Path> outbox : outboxes.entrySet()) {
            Path agencyRoot = root(outbox.getKey());
            for (Path partial : partials(agencyRoot)) {
                try {
                    finish(outbox.getValue(), agencyRoot, partial);
                } catch (IOException e) {
                    LOG.warn("cannot finish taking {} (tried again at the next start): {}", partial, e.getMessage());
                }
            }
        }
    }

    private static void finish(Path outbox, Path agencyRoot, Path partial) throws IOException {
        String name = partial.getFileName().toString();
        if (name.startsWith(COPYING)) {
            Files.deleteIfExists(partial);
            return;
        }
        Path target = partial.resolveSibling(name.substring(TAKING.length()));
        Path original = outbox.resolve(agencyRoot.relativize(target).toString());
        BasicFileAttributes copy = Files.readAttributes(partial, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        try {
            BasicFileAttributes left = Files.readAttributes(original, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (left.isRegularFile() && left.size() == copy.size()
                    && left.lastModifiedTime().toMillis() == copy.lastModifiedTime().toMillis()) {
                Files.delete(original);
            }
        } catch (NoSuchFileException removedAlready) {
            // the stopped run got as far as removing it
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{} is taken already; the complete copy {} waits beside it for a person", target, partial);
            return;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("finished taking {} from the outbox {}", target, outbox);
    }

    private static List<Path> partials(Path agencyRoot) {
        if (!Files.isDirectory(agencyRoot, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(agencyRoot)) {
            all.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(COPYING) || name.startsWith(TAKING);
            }).forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot look for unfinished takes in {}: {}", agencyRoot, e.getMessage());
        }
        return found;
    }
}
