package org.safegate.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Retention: moves events older than the retention period out of the store, and only into a
 * signed JSON Lines export that verifies on its own. The export is written, forced to disk and
 * verified before anything is deleted; the signed checkpoint over the last archived event stays in
 * the store, and the first remaining event links to it, so archive and store verify as one chain.
 * This is the only code that deletes audit events.
 */
public final class AuditArchiver {
    private final AuditStore store;
    private final TreeHeadSigner signer;
    private final ChainVerifier verifier;
    private final AuditSettings settings;
    private final Clock clock;

    public AuditArchiver(AuditStore store, TreeHeadSigner signer, ChainVerifier verifier,
                         AuditSettings settings, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
    }

    /** What was archived: events up to {@code upTo} (none when {@code count} is 0). */
    public record Archived(long count, long upTo, Path file) {
    }

    /** Archives every event recorded before {@code before}, which may not be later than now minus retention. */
    public Archived archive(Instant before, Path file) {
        Instant limit = clock.instant().atZone(ZoneOffset.UTC).minus(settings.retention()).toInstant();
        if (before.isAfter(limit)) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "events are kept for " + settings.retention()
                    + ": only events before " + CanonicalEncoding.formatTime(limit) + " may be archived");
        }
        VerificationResult current = store.verify(verifier);
        if (!current.isIntact()) {
            throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the stored chain does not verify ("
                    + current.problem().get() + "); nothing is archived from a damaged log");
        }
        AuditQuery older = new AuditQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.of(before), Optional.empty());
        long from = store.archivedUpTo().orElse(0L);
        long count = write(older, file);
        if (count == 0) {
            return new Archived(0, from, file);
        }
        VerificationResult archived = new JsonlExportReader().verify(file, verifier);
        if (!archived.isIntact() || archived.lastSequence() != from + count) {
            throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the archive " + file
                    + " did not verify; nothing was deleted");
        }
        moveOut(archived.lastSequence(), archived.lastHash(), TreeRows.edgeText(archived.tree()), file);
        return new Archived(count, archived.lastSequence(), file);
    }

    private long write(AuditQuery older, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            long count = new JsonlExport(store, signer, clock).write(older, out, n -> { });
            out.flush();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return count;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write the archive " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private void moveOut(long upTo, String hash, String treeEdge, Path file) {
        Instant now = CanonicalEncoding.truncate(clock.instant());
        try (Connection connection = store.database().connection()) {
            store.database().dialect().begin(connection, true);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_archive"
                        + " (up_to_seq, hash, archived_at, file_name, file_digest, tree_edge) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, upTo);
                    insert.setString(2, hash);
                    store.database().dialect().bindTime(insert, 3, now);
                    insert.setString(4, file.toAbsolutePath().toString());
                    insert.setString(5, ArchiveRecord.sha256(file));
                    insert.setString(6, treeEdge);
                    insert.executeUpdate();
                }
                delete(connection, "DELETE FROM audit_event WHERE seq <= ?", upTo);
                delete(connection, "DELETE FROM audit_checkpoint WHERE seq <= ?", upTo);
                // the checkpoint of the archived tree stays: the remaining log is anchored to it
                delete(connection, "DELETE FROM audit_tree_head WHERE tree_size < ?", upTo);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                store.database().dialect().end(connection);
            }
        } catch (SQLException e) {
            throw AuditStore.failure("archive audit events", e);
        }
    }

    private static void delete(Connection connection, String sql, long upTo) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, upTo);
            delete.executeUpdate();
        }
    }
}
