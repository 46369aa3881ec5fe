package org.safegate.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.LongConsumer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.TreeHashes;
import org.safegate.tlog.TreeHead;

/**
 * Writes the JSON Lines export (docs/audit-format.md): a header with the Merkle tree's edge where
 * the export starts, every event with its hash, each signed checkpoint right after the event that
 * completes its tree, and a closing seal: a checkpoint of the tree at the last exported event,
 * signed at export time, whose extension lines also sign the header's anchor and the number of
 * checkpoints. An export cut short, stripped of checkpoints or given another header is detected.
 */
public final class JsonlExport {
    static final String FORMAT = ExportFormat.NAME;
    static final int VERSION = ExportFormat.VERSION;
    private static final long PROGRESS_EVERY = 100_000;

    private final AuditStore store;
    private final TreeHeadSigner sealer;
    private final Clock clock;

    public JsonlExport(AuditStore store, TreeHeadSigner sealer, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Writes the matching events; returns how many. A filtered (non-contiguous) export says so in its header. */
    public long write(AuditQuery query, Writer out, LongConsumer progress) {
        Instant exportedAt = CanonicalEncoding.truncate(clock.instant());
        try (EventCursor events = store.open(query)) {
            AuditEvent first = events.hasNext() ? events.next() : null;
            if (!query.isContiguous()) {
                out.write(header(0, CanonicalEncoding.GENESIS, null, true, exportedAt));
                return writeEvents(first, events, out, null, progress);
            }
            long anchor = first == null ? store.headSequence() : first.sequence() - 1;
            String anchorHash = first == null ? store.headHash() : first.previousHash();
            CompactRange tree = store.treeAt(anchor);
            String anchorRoot = Base64.getEncoder().encodeToString(tree.root());
            out.write(header(anchor, anchorHash, tree, false, exportedAt));
            long count;
            Sealing sealing;
            try (RowCursor<StoredHead> heads = store.treeHeadsAfter(anchor)) {
                sealing = new Sealing(tree, heads);
                count = writeEvents(first, events, out, sealing, progress);
            }
            TreeHead seal = new TreeHead(sealer.origin(), sealing.tree.size(), sealing.tree.root(), List.of(
                    "time " + CanonicalEncoding.formatTime(exportedAt), "anchor " + anchor + " " + anchorRoot,
                    "checkpoints " + sealing.checkpoints));
            out.write("{\"kind\":\"seal\",\"note\":" + quote(sealer.sign(seal).format()) + "}\n");
            out.flush();
            return count;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write the export: " + e.getMessage(), e);
        }
    }

    private long writeEvents(AuditEvent first, EventCursor events, Writer out, Sealing sealing, LongConsumer progress)
            throws IOException {
        long count = 0;
        AuditEvent event = first;
        while (event != null) {
            byte[] canonical = CanonicalEncoding.encode(event);
            out.write(eventLine(canonical, event.hash()));
            if (sealing != null) {
                sealing.add(TreeHashes.leaf(canonical), out);
            }
            if (++count % PROGRESS_EVERY == 0) {
                progress.accept(count);
            }
            event = events.hasNext() ? events.next() : null;
        }
        return count;
    }

    /** The tree of the exported events and the stored checkpoints written beside them. */
    private static final class Sealing {
        private final CompactRange tree;
        private final RowCursor<StoredHead> heads;
        private StoredHead next;
        private long checkpoints;

        Sealing(CompactRange tree, RowCursor<StoredHead> heads) {
            this.tree = tree;
            this.heads = heads;
            this.next = heads.hasNext() ? heads.next() : null;
        }

        void add(byte[] leaf, Writer out) throws IOException {
            tree.append(leaf);
            while (next != null && next.size() <= tree.size()) {
                if (next.size() == tree.size()) {
                    out.write("{\"kind\":\"checkpoint\",\"treeSize\":" + next.size() + ",\"note\":" + quote(next.note())
                            + "}\n");
                    checkpoints++;
                }
                next = heads.hasNext() ? heads.next() : null;
            }
        }
    }

    /** A stored checkpoint: the tree size it signs and its note. */
    record StoredHead(long size, String note) {
    }

    private static String header(long anchor, String anchorHash, CompactRange tree, boolean filtered, Instant at) {
        StringBuilder edge = new StringBuilder("[");
        if (tree != null) {
            for (byte[] root : tree.roots()) {
                edge.append(edge.length() > 1 ? "," : "").append('"').append(TreeHashes.hex(root)).append('"');
            }
        }
        return "{\"kind\":\"header\",\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"anchorSeq\":" + anchor
                + ",\"anchorHash\":\"" + anchorHash + "\",\"anchorTree\":" + edge + "],\"filtered\":" + filtered
                + ",\"exportedAt\":\"" + CanonicalEncoding.formatTime(at) + "\"}\n";
    }

    static String eventLine(byte[] canonicalBytes, String hash) {
        String canonical = new String(canonicalBytes, StandardCharsets.UTF_8);
        return "{\"kind\":\"event\"," + canonical.substring(1, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
    }

    /** A note as a JSON string: its newlines escaped, nothing else in it needs escaping but quotes and backslashes. */
    static String quote(String note) {
        return '"' + note.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
