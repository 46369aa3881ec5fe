package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An inbox folder on this machine. Publishing is a hard link from the temporary name (which fails
 * rather than replace a file), so until the temporary name is removed a resumed run can still tell
 * which name it published (see {@link DurableFiles}).
 */
public final class LocalFolder implements InboxFolder {
    private final Path folder;

    public LocalFolder(Path folder) {
        this.folder = folder;
    }

    public Path path() {
        return folder;
    }

    @Override
    public InboxFolder child(String name) {
        return new LocalFolder(folder.resolve(name));
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    @Override
    public void writeTemp(String tag, DurableFiles.Content content) throws IOException {
        DurableFiles.writeTemp(folder, tag, content);
    }

    @Override
    public String nameFor(String tag, String stem, String suffix) throws IOException {
        return DurableFiles.nameFor(DurableFiles.tempPath(folder, tag), stem, suffix).getFileName().toString();
    }

    @Override
    public void publishTemp(String tag, String name) throws IOException {
        DurableFiles.linkAs(DurableFiles.tempPath(folder, tag), folder.resolve(name));
    }

    @Override
    public boolean hasTemp(String tag) throws IOException {
        try {
            Files.readAttributes(DurableFiles.tempPath(folder, tag), java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (java.nio.file.NoSuchFileException absent) {
            return false;
        }
        // any other failure is not an answer: it holds the file rather than leave a copy unsent
    }

    @Override
    public void removeTemp(String tag) throws IOException {
        DurableFiles.removeTemp(DurableFiles.tempPath(folder, tag));
    }

    @Override
    public String publish(String stem, String suffix, String tag, DurableFiles.Content content) throws IOException {
        return DurableFiles.publish(folder, stem, suffix, tag, content).getFileName().toString();
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String toString() {
        return describe();
    }
}
