package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Symbolic and hard links where the gateway takes or puts files. A link in an outbox would make
 * the gateway read, seal and move a file its sender could never read (a key, another agency's
 * data); one in an inbox, receipts folder or spool would make it write where someone else chose.
 * So no folder on the way from such a root (the root included) down to a file may be a symbolic
 * link, and a file taken from an outbox may have no other name. Every check looks at the link
 * itself ({@code lstat}), never at what it points to.
 */
public final class Links {
    private Links() {
    }

    /**
     * The first symbolic link on the way from {@code root} (itself included) down to {@code path}
     * (itself included); empty when there is none. The part of the way that does not exist yet
     * holds no link.
     *
     * @throws IllegalArgumentException when {@code path} does not lie under {@code root}
     */
    public static Optional<Path> firstSymbolicLink(Path root, Path path) throws IOException {
        Path top = root.toAbsolutePath().normalize();
        Path target = path.toAbsolutePath().normalize();
        if (!target.startsWith(top)) {
            throw new IllegalArgumentException(path + " does not lie under " + root);
        }
        // the link is named in the caller's terms: root, then the names below it
        Path step = root;
        if (isSymbolicLink(step)) {
            return Optional.of(step);
        }
        for (Path name : top.relativize(target)) {
            if (name.toString().isEmpty()) {
                continue;
            }
            step = step.resolve(name);
            if (isSymbolicLink(step)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a place to write (or take from) that is reached through a symbolic link.
     *
     * @throws SafegateException {@link ErrorCode#LINK_REFUSED}, naming the link
     */
    public static void requireNoSymbolicLink(Path root, Path path) throws IOException {
        Optional<Path> link = firstSymbolicLink(root, path);
        if (link.isPresent()) {
            throw new SafegateException(ErrorCode.LINK_REFUSED, link.get() + " is a symbolic link; the gateway does "
                    + "not read or write through links (replace it with a folder)");
        }
    }

    /**
     * How many names (hard links) the file has. A file system that cannot tell counts as one:
     * hard links are a POSIX notion, and every POSIX file system the gateway runs on can tell.
     */
    public static long names(Path file) throws IOException {
        try {
            Object count = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return ((Number) count).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return 1;
        }
    }

    private static boolean isSymbolicLink(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (NoSuchFileException absent) {
            return false;
        }
    }
}
