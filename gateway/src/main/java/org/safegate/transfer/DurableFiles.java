package org.safegate.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.safegate.files.FileModes;

/**
 * Writes files so that a reader never sees a partial one and a crash never leaves a file that
 * claims to be complete: content goes to a hidden temporary name in the same folder, is forced to
 * disk, and is then linked under its final name, which fails rather than overwrite anything. The
 * temporary name is never opened through a symbolic link planted under it.
 */
public final class DurableFiles {
    /**
     * Content is written through a buffer of this size: the CMS and JSON writers emit many small
     * pieces (a sealed 4 KB file came to some 130 writes, a large one to several per 4 KB chunk of
     * the sealer), and each unbuffered piece is a system call.
     */
    private static final int BUFFER_BYTES = 32 * 1024;

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private DurableFiles() {
    }

    /**
     * Writes the content and publishes it as {@code name}, or as {@code stem.N.suffix} for the
     * first N that is free when the name is taken. Returns the published path.
     */
    public static Path publish(Path folder, String stem, String suffix, String tempTag, Content content)
            throws IOException {
        FileModes.createDirectories(folder);
        Path temp = folder.resolve(".safegate-" + tempTag + ".part");
        try {
            try (FileChannel channel = create(temp);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Path published = linkUnderFreeName(folder, stem, suffix, temp);
            syncFolder(folder);
            return published;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path linkUnderFreeName(Path folder, String stem, String suffix, Path temp) throws IOException {
        for (int counter = 1; ; counter++) {
            Path candidate = folder.resolve(counter == 1 ? stem + suffix : stem + "." + counter + suffix);
            try {
                Files.createLink(candidate, temp);
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                if (counter > 10_000) {
                    throw new IOException("no free name for " + stem + suffix + " in " + folder, taken);
                }
            }
        }
    }

    /**
     * Opens the hidden name for writing, never through a link, with the mode its folder calls for
     * ({@link FileModes}): the gateway's only, or readable by the agency's group in its folders.
     */
    private static FileChannel create(Path temp) throws IOException {
        FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                FileModes.ownerOnly());
        try {
            FileModes.settle(temp);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** The hidden name a transfer's content is written under before it is published. */
    public static Path tempPath(Path folder, String tempTag) {
        return folder.resolve(".safegate-" + tempTag + ".part");
    }

    /** Writes the content under its hidden temporary name and forces it to disk. */
    public static Path writeTemp(Path folder, String tempTag, Content content) throws IOException {
        FileModes.createDirectories(folder);
        Path temp = tempPath(folder, tempTag);
        boolean written = false;
        try {
            try (FileChannel channel = create(temp);
                 WriteBehind behind = new WriteBehind(channel, Channels.newOutputStream(channel))) {
                try {
                    OutputStream out = new BufferedOutputStream(behind, BUFFER_BYTES);
                    content.writeTo(out);
                    out.flush();
                } finally {
                    behind.awaitFlushed();
                }
                channel.force(true);
            }
            syncFolder(folder);
            written = true;
            return temp;
        } finally {
            if (!written) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Publishes a written temporary file under {@code stem + suffix} (or the first free
     * {@code stem.N + suffix}), unless a previous attempt already did: then that name is returned.
     * The temporary name is removed once the published one is durable.
     */
    public static Path publishTemp(Path temp, String stem, String suffix) throws IOException {
        Path published = linkTemp(temp, stem, suffix);
        removeTemp(temp);
        return published;
    }

    /**
     * The name a temporary file is (or will be) published under: the name already linked to it by
     * an interrupted attempt, else the first free {@code stem + suffix} or {@code stem.N + suffix}.
     * Nothing is created.
     */
    public static Path nameFor(Path temp, String stem, String suffix) throws IOException {
        Path linked = existingLink(temp, stem, suffix);
        if (linked != null) {
            return linked;
        }
        Path folder = temp.getParent();
        for (int counter = 1; ; counter++) {
            Path candidate = folder.resolve(counter == 1 ? stem + suffix : stem + "." + counter + suffix);
            if (!Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    /**
     * Publishes the temporary file under exactly {@code target}; never replaces another file. A
     * temporary name already gone while the target exists was published and then removed by an
     * earlier attempt (removing it follows publishing and the durable journal step that records it).
     */
    public static void linkAs(Path temp, Path target) throws IOException {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(temp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (!Files.isSameFile(target, temp)) {
                throw new IOException(target + " was taken by another file before it could be published");
            }
        } else {
            Files.createLink(target, temp);
        }
        syncFolder(target.getParent());
    }

    /**
     * Links a written temporary file under {@code stem + suffix} (or the first free
     * {@code stem.N + suffix}), unless a previous attempt already did: then that name is returned.
     * The temporary name stays until {@link #removeTemp}, so that a caller can record the published
     * name first: while the temporary name exists, a repeated call finds the same published name.
     */
    public static Path linkTemp(Path temp, String stem, String suffix) throws IOException {
        Path folder = temp.getParent();
        Path published = existingLink(temp, stem, suffix);
        if (published == null) {
            published = linkUnderFreeName(folder, stem, suffix, temp);
        }
        syncFolder(folder);
        return published;
    }

    /** Removes a temporary name (if it is still there) durably. */
    public static void removeTemp(Path temp) throws IOException {
        if (Files.deleteIfExists(temp)) {
            syncFolder(temp.getParent());
        }
    }

    /** A name already linked to the temporary file (a publish interrupted by a crash), or null. */
    private static Path existingLink(Path temp, String stem, String suffix) throws IOException {
        if (!Files.exists(temp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // nothing written yet (a name chosen before sealing), so nothing can be linked to it
            return null;
        }
        Path folder = temp.getParent();
        for (int counter = 1; ; counter++) {
            Path candidate = folder.resolve(counter == 1 ? stem + suffix : stem + "." + counter + suffix);
            if (!Files.exists(candidate)) {
                return null;
            }
            if (Files.isSameFile(candidate, temp)) {
                return candidate;
            }
        }
    }

    /** Makes a rename or link in the folder durable (POSIX needs the directory itself synced). */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory; the data itself is already forced
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }
}
