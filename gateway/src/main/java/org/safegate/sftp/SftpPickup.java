package org.safegate.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpException;
import org.safegate.files.FileModes;
import org.safegate.policy.model.Endpoint;
import org.safegate.transfer.DurableFiles;
import org.safegate.transfer.FileNames;
import org.safegate.transfer.Links;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the files of one agency's SFTP outbox into a local spool folder, which the gateway then
 * treats as that agency's outbox (same layout; files out of place there are quarantined as for any
 * outbox). A file is taken once it has not changed between two looks; hidden names (starting with
 * {@code .}) are files still being written and are left alone. Each file is downloaded under a
 * hidden name, forced to disk, noted as taken, published in the spool, and only then removed from
 * the server (see {@link PickupMarkers}).
 *
 * <p>The server is not trusted with names: an entry whose name could place it outside the spool
 * ({@link RemoteNames}) is neither walked nor taken but left on the server and reported once, and
 * every local path is checked to lie inside the spool, reached through no symbolic link.
 */
final class SftpPickup {
    private static final Logger LOG = LoggerFactory.getLogger(SftpPickup.class);
    /** Deeper than any place the outbox layout accepts, so misplaced files still come in to be quarantined. */
    private static final int MAX_DEPTH = 6;

    private record RemoteFile(String relative, long size, long modified) {
    }

    private final SftpSessions sessions;
    private final String agency;
    private final Endpoint outbox;
    private final Path spool;
    private final PickupMarkers markers;
    private final RefusedRemoteNames refusedNames;
    private final Map<String, RemoteFile> lastLook = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    /** Refused entries already reported that the server still lists: reported again only once gone and back. */
    private final Set<String> reported = new HashSet<>();
    private volatile int waiting;
    private volatile Map<String, String> refused = Map.of();

    SftpPickup(SftpSessions sessions, String agency, Endpoint outbox, Path spool, Path markerFolder,
               RefusedRemoteNames refusedNames) {
        this.sessions = sessions;
        this.agency = agency;
        this.outbox = outbox;
        this.spool = spool.toAbsolutePath().normalize();
        this.markers = new PickupMarkers(markerFolder);
        this.refusedNames = refusedNames;
    }

    Endpoint outbox() {
        return outbox;
    }

    /** Files seen on the server at the last look and not taken yet (still changing, or their name busy). */
    int waiting() {
        return waiting;
    }

    /** Files the server would not let the gateway take at the last look (read or remove refused), with why. */
    Map<String, String> refused() {
        return refused;
    }

    /** Looks at the outbox once and takes what is ready; returns how many files were taken. */
    synchronized int collect() throws IOException {
        return sessions.run(outbox, sftp -> {
            List<RemoteFile> files = new ArrayList<>();
            Map<String, String> unsafe = new HashMap<>();
            walk(sftp, "", 0, files, unsafe);
            report(unsafe);
            forgetMarkersOfFilesGone(files);
            int taken = 0;
            int notYet = 0;
            Map<String, RemoteFile> look = new HashMap<>();
            Map<String, String> refusedNow = new HashMap<>();
            for (RemoteFile file : files) {
                look.put(file.relative(), file);
                try {
                    Optional<PickupMarkers.Marker> marker = markers.read(file.relative());
                    if (marker.isPresent() ? finishInterrupted(sftp, file, marker.get())
                            : file.equals(lastLook.get(file.relative())) && take(sftp, file)) {
                        taken++;
                    } else {
                        notYet++;
                    }
                } catch (SftpException e) {
                    // one file the server will not hand over must not stop the others
                    refusedNow.put(file.relative(), SftpErrors.describe(e));
                }
            }
            lastLook.clear();
            lastLook.putAll(look);
            waiting = notYet;
            refused = Map.copyOf(refusedNow);
            return taken;
        });
    }

    /** A note left by a run stopped after the remote file was removed has nothing left to finish. */
    private void forgetMarkersOfFilesGone(List<RemoteFile> files) throws IOException {
        Set<String> listed = new HashSet<>();
        files.forEach(f -> listed.add(f.relative()));
        for (PickupMarkers.Marker marker : markers.all()) {
            if (!inSpool(marker.relative())) {
                // noted by a version that took any name: nothing of it is finished outside the spool
                markers.delete(marker.relative());
                continue;
            }
            Path temp = local(marker.relative()).resolveSibling(PickupMarkers.tempName(marker.relative()));
            if (!listed.contains(marker.relative()) && !Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                markers.delete(marker.relative());
            }
        }
    }

    /** Logs and reports each refused entry the first time it is listed (again only after it was gone). */
    private void report(Map<String, String> unsafe) {
        reported.retainAll(unsafe.keySet());
        unsafe.forEach((relative, problem) -> {
            if (!reported.contains(relative)) {
                String where = outbox.describe() + "/" + FileNames.printable(relative);
                LOG.warn("{} is not taken and stays on the server: {}", where, problem);
                // a report that fails (the audit log is down) fails the look, and is made again at the next one
                refusedNames.refused(agency, where, problem);
                reported.add(relative);
            }
        });
    }

    private void walk(SftpClient sftp, String relative, int depth, List<RemoteFile> files, Map<String, String> unsafe)
            throws IOException {
        Iterable<SftpClient.DirEntry> entries;
        try {
            entries = sftp.readDir(remote(relative));
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e) && relative.isEmpty()) {
                return;
            }
            throw e;
        }
        for (SftpClient.DirEntry entry : entries) {
            String name = entry.getFilename();
            if (name.equals(".") || name.equals("..") || name.startsWith(".")) {
                continue;
            }
            String child = relative.isEmpty() ? name : relative + "/" + name;
            Optional<String> problem = RemoteNames.problem(name);
            if (problem.isPresent()) {
                unsafe.put(child, problem.get());
                continue;
            }
            SftpClient.Attributes attributes = entry.getAttributes();
            if (attributes.isDirectory() && depth < MAX_DEPTH) {
                walk(sftp, child, depth + 1, files, unsafe);
            } else if (attributes.isRegularFile()) {
                files.add(new RemoteFile(child, attributes.getSize(), attributes.getModifyTime().toMillis() / 1000));
            } else if (warned.add(child)) {
                // not a plain file: left where it is for a person to look at
                LOG.warn("{}/{} is not a regular file (or lies too deep); it is not taken", outbox.describe(),
                        FileNames.printable(child));
            }
        }
    }

    /**
     * A run stopped after downloading this file: publishes its complete local copy if that had not
     * happened, and removes the remote file if it is still the one taken. Returns true when the
     * remote file was the one taken (it is now gone); false when it is a new file (taken later)
     * or the local name is still busy.
     */
    private boolean finishInterrupted(SftpClient sftp, RemoteFile file, PickupMarkers.Marker marker)
            throws IOException {
        Path local = local(file.relative());
        Path temp = local.resolveSibling(PickupMarkers.tempName(file.relative()));
        if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS) && !publish(temp, local)) {
            return false;
        }
        boolean same = marker.size() == file.size() && marker.modified() == file.modified();
        if (same) {
            removeRemote(sftp, file);
        }
        markers.delete(file.relative());
        return same;
    }

    /** Takes the file; false when a file of that name is still waiting in the spool. */
    private boolean take(SftpClient sftp, RemoteFile file) throws IOException {
        Path local = local(file.relative());
        if (Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        FileModes.createDirectories(local.getParent());
        // created folder by folder: one that turned out to be a link is refused before anything is written
        Links.requireNoSymbolicLink(spool, local.getParent());
        Path temp = local.resolveSibling(PickupMarkers.tempName(file.relative()));
        try (InputStream in = sftp.read(remote(file.relative()));
             FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS),
                     FileModes.ownerOnly());
             OutputStream out = Channels.newOutputStream(channel)) {
            in.transferTo(out);
            out.flush();
            channel.force(true);
        }
        if (Files.size(temp) != file.size()) {
            Files.delete(temp);
            return false;
        }
        // the remote time, so the outbox's read lock sees a file that has long stopped changing
        Files.setLastModifiedTime(temp, FileTime.fromMillis(file.modified() * 1000));
        markers.write(new PickupMarkers.Marker(file.relative(), file.size(), file.modified()));
        publish(temp, local);
        removeRemote(sftp, file);
        markers.delete(file.relative());
        LOG.info("took {}/{} into {}", outbox.describe(), file.relative(), spool);
        return true;
    }

    private static boolean publish(Path temp, Path local) throws IOException {
        if (Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.move(temp, local, StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.syncFolder(local.getParent());
        return true;
    }

    /** Removes the remote file unless it changed since it was taken (then it is a new file, taken later). */
    private void removeRemote(SftpClient sftp, RemoteFile file) throws IOException {
        String path = remote(file.relative());
        try {
            SftpClient.Attributes now = sftp.lstat(path);
            if (now.getSize() == file.size() && now.getModifyTime().toMillis() / 1000 == file.modified()) {
                sftp.remove(path);
            }
        } catch (SftpException e) {
            if (!SftpErrors.isMissing(e)) {
                throw e;
            }
        }
    }

    /**
     * Where a remote file goes in the spool. Its name's parts were checked as they were listed;
     * this checks the whole again, so that nothing but a place inside the spool, reached through no
     * symbolic link, is ever written.
     */
    private Path local(String relative) throws IOException {
        if (!inSpool(relative)) {
            throw new IOException(outbox.describe() + "/" + FileNames.printable(relative)
                    + " would lie outside the spool " + spool + "; it is not taken");
        }
        Path local = spool.resolve(relative);
        Links.requireNoSymbolicLink(spool, local.getParent());
        return local;
    }

    /** Whether the relative path names a place strictly inside the spool, each part a name the pickup takes. */
    private boolean inSpool(String relative) {
        for (String part : relative.split("/", -1)) {
            if (RemoteNames.problem(part).isPresent()) {
                return false;
            }
        }
        Path local = spool.resolve(relative).normalize();
        return local.startsWith(spool) && !local.equals(spool);
    }

    private String remote(String relative) {
        String base = outbox.path();
        if (relative.isEmpty()) {
            return base;
        }
        return base.endsWith("/") ? base + relative : base + "/" + relative;
    }
}
