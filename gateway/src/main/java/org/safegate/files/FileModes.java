package org.safegate.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read what the gateway writes, whatever the process's umask. Everything is created for
 * the gateway's own account only, with one exception: in a folder open to its group (an agency's
 * inbox or outbox, set up by an administrator for the agency's account), a new file or folder also
 * gets that group and read access for it, so the agency can take what was delivered. Nothing the
 * gateway writes is ever readable by the world.
 */
public final class FileModes {
    private static final Set<PosixFilePermission> OWNER_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private FileModes() {
    }

    /** For creating a file readable and writable by the gateway's account only (narrowed further by the umask). */
    public static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_FILE);
    }

    /**
     * Creates {@code folder} and its missing parents, each for the gateway's account only, or, in
     * a folder open to its group, with that group and its read and search access.
     */
    public static Path createDirectories(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path created = missing.pop();
            try {
                Files.createDirectory(created, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            followParent(created, true);
        }
        return folder;
    }

    /** Creates a folder (and its parents) for the gateway's account only, whatever its parent allows. */
    public static Path createPrivateDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        boolean existed = Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(absolute.getParent());
        if (!existed) {
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                Files.setPosixFilePermissions(absolute, OWNER_FOLDER);
            } catch (FileAlreadyExistsException raced) {
                // made by another thread or process meanwhile: it keeps the mode it was made with
            }
        }
        return folder;
    }

    /**
     * Gives a file the gateway has just written (or moved in) the mode its folder calls for: the
     * gateway's account only, plus group read in a folder open to its group.
     */
    public static void settle(Path file) throws IOException {
        followParent(file, false);
    }

    /** Opens a new or truncated file for writing, for the gateway's account only. */
    public static OutputStream newOwnerOnlyOutputStream(Path file) throws IOException {
        Set<java.nio.file.OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return Channels.newOutputStream(Files.newByteChannel(file, options, ownerOnly()));
    }

    /** Whether anyone but the owner may read or enter the path (the start-up check warns of it). */
    public static boolean openToOthers(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                || permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.GROUP_EXECUTE);
    }

    private static void followParent(Path path, boolean folder) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        PosixFileAttributes parentAttributes = Files.readAttributes(parent, PosixFileAttributes.class);
        Set<PosixFilePermission> mode = EnumSet.copyOf(folder ? OWNER_FOLDER : OWNER_FILE);
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (parentAttributes.permissions().contains(PosixFilePermission.GROUP_EXECUTE)
                && takeGroup(view, parentAttributes.group())) {
            mode.add(PosixFilePermission.GROUP_READ);
            if (folder) {
                mode.add(PosixFilePermission.GROUP_EXECUTE);
            }
        }
        view.setPermissions(mode);
    }

    /**
     * Gives the path the folder's group; false when the gateway's account may not (it is not a
     * member), and the path then stays owner-only rather than open to the account's own group.
     */
    private static boolean takeGroup(PosixFileAttributeView view, GroupPrincipal group) throws IOException {
        if (group.equals(view.readAttributes().group())) {
            return true;
        }
        try {
            view.setGroup(group);
            return true;
        } catch (java.nio.file.FileSystemException notAMember) {
            return false;
        }
    }
}
