package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An inbox folder on this machine. Publishing is a hard link from the temporary name (which fails
 * rather than replace a file), so until the temporary name is removed a resumed run can still tell
 * which name it published (see {@link DurableFiles}).
 *
 * <p>The folder's agency can change what lies in it, so before each use the way from the endpoint's
 * folder (itself included) down to this one is checked to hold no symbolic link: the gateway never
 * reads or writes through a link planted there (a sealed copy or receipt would land, or an earlier
 * receipt be read, wherever the link points). The use then fails with
 * {@link org.safegate.ErrorCode#LINK_REFUSED}, naming the link, and the file waits in its outbox.
 */
public final class LocalFolder implements InboxFolder {
    private final Path root;
    private final Path folder;

    /** The endpoint's own folder. */
    public LocalFolder(Path folder) {
        this(folder, folder);
    }

    private LocalFolder(Path root, Path folder) {
        this.root = root;
        this.folder = folder;
    }

    public Path path() {
        return folder;
    }

    @Override
    public InboxFolder child(String name) {
        return new LocalFolder(root, folder.resolve(name));
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    @Override
    public void writeTemp(String tag, DurableFiles.Content content) throws IOException {
        DurableFiles.writeTemp(checked(), tag, content);
    }

    @Override
    public String nameFor(String tag, String stem, String suffix) throws IOException {
        return DurableFiles.nameFor(DurableFiles.tempPath(checked(), tag), stem, suffix).getFileName().toString();
    }

    @Override
    public void publishTemp(String tag, String name) throws IOException {
        DurableFiles.linkAs(DurableFiles.tempPath(checked(), tag), folder.resolve(name));
    }

    @Override
    public boolean hasTemp(String tag) throws IOException {
        try {
            Files.readAttributes(DurableFiles.tempPath(checked(), tag),
                    java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (java.nio.file.NoSuchFileException absent) {
            return false;
        }
        // any other failure is not an answer: it holds the file rather than leave a copy unsent
    }

    @Override
    public void removeTemp(String tag) throws IOException {
        DurableFiles.removeTemp(DurableFiles.tempPath(checked(), tag));
    }

    @Override
    public String publish(String stem, String suffix, String tag, DurableFiles.Content content) throws IOException {
        return DurableFiles.publish(checked(), stem, suffix, tag, content).getFileName().toString();
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        Path file = checked().resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(in.readAllBytes());
        }
    }

    @Override
    public boolean exists(String name) throws IOException {
        return Files.exists(checked().resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The folder, once no symbolic link is found on the way to it. */
    private Path checked() throws IOException {
        Links.requireNoSymbolicLink(root, folder);
        return folder;
    }
}
