package org.safegate.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.safegate.store.Database;
import org.safegate.tlog.CompactRange;

/**
 * Where archiving last stopped: events 1 to {@code upTo} left the store for a signed export
 * ({@code file}, with SHA-256 {@code digest}); the remaining events link to {@code hash} and extend
 * the tree whose edge was {@code tree}. The file must still be there and unchanged: a store that
 * claims an archive no one can show is a store whose past was deleted.
 */
record ArchiveRecord(long upTo, String hash, CompactRange tree, Path file, String digest) {

    static Optional<ArchiveRecord> latest(Database database) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT up_to_seq, hash, tree_edge, file_name,"
                     + " file_digest FROM audit_archive ORDER BY up_to_seq DESC");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            long upTo = rows.getLong(1);
            String edge = rows.getString(3);
            return Optional.of(new ArchiveRecord(upTo, rows.getString(2), edge(upTo, edge), Path.of(rows.getString(4)),
                    rows.getString(5)));
        } catch (SQLException e) {
            throw AuditStore.failure("read the audit archive records", e);
        }
    }

    /** The recorded edge, or null when there is none or it cannot be the edge of that many events. */
    private static CompactRange edge(long upTo, String text) {
        try {
            return text == null ? null : TreeRows.edge(upTo, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What makes the archive unusable as the log's past, if anything. */
    Optional<Tamper> problem() {
        if (tree == null) {
            return Optional.of(new Tamper(TamperKind.REMOVED, 1, "events up to " + upTo
                    + " are recorded as archived without the Merkle tree's edge: no archive made them"));
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(new Tamper(TamperKind.REMOVED, 1, "events up to " + upTo + " are recorded as archived in "
                    + file + ", which is not there"));
        }
        if (!digest.equals(sha256(file))) {
            return Optional.of(new Tamper(TamperKind.ALTERED, 1, "the archive " + file + " of events up to " + upTo
                    + " is not the file that was archived (its SHA-256 differs)"));
        }
        return Optional.empty();
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
