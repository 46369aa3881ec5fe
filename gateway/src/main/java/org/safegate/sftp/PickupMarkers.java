package org.safegate.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.safegate.files.FileModes;
import org.safegate.transfer.DurableFiles;

/**
 * A durable note, per remote file, that its local copy is complete and about to be (or already)
 * published in the spool: written before the local copy becomes visible and removed only after the
 * remote file is gone, so a run stopped in between neither loses the file nor takes it twice.
 */
final class PickupMarkers {
    /** What was taken: the remote file's place, size and modification time (seconds). */
    record Marker(String relative, long size, long modified) {
    }

    private final Path folder;

    PickupMarkers(Path folder) {
        this.folder = folder;
    }

    Optional<Marker> read(String relative) throws IOException {
        Path file = file(relative);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", 3);
        if (lines.length < 3 || !lines[2].equals(relative)) {
            return Optional.empty();
        }
        return Optional.of(new Marker(relative, Long.parseLong(lines[0]), Long.parseLong(lines[1])));
    }

    /** Every note left, whatever file it is for. */
    java.util.List<Marker> all() throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        java.util.List<Marker> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", 3);
                if (lines.length == 3) {
                    found.add(new Marker(lines[2], Long.parseLong(lines[0]), Long.parseLong(lines[1])));
                }
            }
        }
        return found;
    }

    void write(Marker marker) throws IOException {
        FileModes.createDirectories(folder);
        byte[] text = (marker.size() + "\n" + marker.modified() + "\n" + marker.relative())
                .getBytes(StandardCharsets.UTF_8);
        Path file = file(marker.relative());
        Path temp = DurableFiles.writeTemp(folder, "marker", out -> out.write(text));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.syncFolder(folder);
    }

    void delete(String relative) throws IOException {
        if (Files.deleteIfExists(file(relative))) {
            DurableFiles.syncFolder(folder);
        }
    }

    /** The hidden name a remote file is downloaded under in the spool before it is published there. */
    static String tempName(String relative) {
        return ".safegate-pickup-" + id(relative) + ".part";
    }

    private Path file(String relative) {
        return folder.resolve(id(relative));
    }

    private static String id(String relative) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
