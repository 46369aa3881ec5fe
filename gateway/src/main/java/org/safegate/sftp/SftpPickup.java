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
import org.safegate.policy.model.Endpoint;
import org.safegate.transfer.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the files of one agency's SFTP outbox into a local spool folder, which the gateway then
 * treats as that agency's outbox (same layout; files out of place there are quarantined as for any
 * outbox). A file is taken once it has not changed between two looks; hidden names (starting with
 * {@code .}) are files still being written and are left alone. Each file is downloaded under a
 * hidden name, forced to disk, noted as taken, published in the spool, and only then removed from
 * the server (see {@link PickupMarkers}).
 */
final class SftpPickup {
    private static final Logger LOG = LoggerFactory.getLogger(SftpPickup.class);
    /** Deeper than any place the outbox layout accepts, so misplaced files still come in to be quarantined. */
    private static final int MAX_DEPTH = 6;

    private record RemoteFile(String relative, long size, long modified) {
    }

    private final SftpSessions sessions;
    private final Endpoint outbox;
    private final Path spool;
    private final PickupMarkers markers;
    private final Map<String, RemoteFile> lastLook = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private volatile int waiting;
    private volatile Map<String, String> refused = Map.of();

    SftpPickup(SftpSessions sessions, Endpoint outbox, Path spool, Path markerFolder) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.spool = spool;
        this.markers = new PickupMarkers(markerFolder);
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
            walk(sftp, "", 0, files);
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
            Path temp = local(marker.relative()).resolveSibling(PickupMarkers.tempName(marker.relative()));
            if (!listed.contains(marker.relative()) && !Files.exists(temp)) {
                markers.delete(marker.relative());
            }
        }
    }

    private void walk(SftpClient sftp, String relative, int depth, List<RemoteFile> files) throws IOException {
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
            SftpClient.Attributes attributes = entry.getAttributes();
            if (attributes.isDirectory() && depth < MAX_DEPTH) {
                walk(sftp, child, depth + 1, files);
            } else if (attributes.isRegularFile()) {
                files.add(new RemoteFile(child, attributes.getSize(), attributes.getModifyTime().toMillis() / 1000));
            } else if (warned.add(child)) {
                // not a plain file: left where it is for a person to look at
                LOG.warn("{}/{} is not a regular file (or lies too deep); it is not taken", outbox.describe(), child);
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
        if (Files.exists(temp) && !publish(temp, local)) {
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
        Files.createDirectories(local.getParent());
        Path temp = local.resolveSibling(PickupMarkers.tempName(file.relative()));
        try (InputStream in = sftp.read(remote(file.relative()));
             FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
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

    private Path local(String relative) {
        return spool.resolve(relative);
    }

    private String remote(String relative) {
        String base = outbox.path();
        if (relative.isEmpty()) {
            return base;
        }
        return base.endsWith("/") ? base + relative : base + "/" + relative;
    }
}
