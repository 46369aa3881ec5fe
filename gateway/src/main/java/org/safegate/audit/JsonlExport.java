package org.safegate.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Writes the JSON Lines export (docs/audit-format.md): a header, every event with its hash, each
 * checkpoint right after the event it covers, and a closing seal: a checkpoint over the last
 * exported event signed at export time, so that an export missing its tail is detected.
 */
public final class JsonlExport {
    static final String FORMAT = "safegate-audit-export";
    private static final long PROGRESS_EVERY = 100_000;

    private final AuditStore store;
    private final CheckpointSigner sealer;
    private final Clock clock;

    public JsonlExport(AuditStore store, CheckpointSigner sealer, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Writes the matching events; returns how many. A filtered (non-contiguous) export says so in its header. */
    public long write(AuditQuery query, Writer out, LongConsumer progress) {
        List<Checkpoint> checkpoints = query.isContiguous() ? store.checkpoints() : List.of();
        long count = 0;
        try (EventCursor events = store.open(query)) {
            AuditEvent first = events.hasNext() ? events.next() : null;
            long anchor = first == null ? store.headSequence() : first.sequence() - 1;
            String anchorHash = first == null ? CanonicalEncoding.GENESIS : first.previousHash();
            out.write(header(anchor, anchorHash, !query.isContiguous()));
            Iterator<Checkpoint> cps = checkpoints.stream().filter(c -> c.sequence() >= anchor).iterator();
            Checkpoint nextCp = cps.hasNext() ? cps.next() : null;
            while (nextCp != null && nextCp.sequence() == anchor) {
                out.write(checkpointLine(nextCp, false));
                nextCp = cps.hasNext() ? cps.next() : null;
            }
            AuditEvent event = first;
            AuditEvent last = null;
            while (event != null) {
                out.write(eventLine(event));
                while (nextCp != null && nextCp.sequence() == event.sequence()) {
                    out.write(checkpointLine(nextCp, false));
                    nextCp = cps.hasNext() ? cps.next() : null;
                }
                last = event;
                if (++count % PROGRESS_EVERY == 0) {
                    progress.accept(count);
                }
                event = events.hasNext() ? events.next() : null;
            }
            if (last != null && query.isContiguous()) {
                out.write(checkpointLine(Checkpoint.sign(last.sequence(), last.hash(), clock.instant(), sealer), true));
            }
            out.flush();
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write the export: " + e.getMessage(), e);
        }
        return count;
    }

    private String header(long anchor, String anchorHash, boolean filtered) {
        return "{\"kind\":\"header\",\"format\":\"" + FORMAT + "\",\"version\":" + CanonicalEncoding.VERSION
                + ",\"anchorSeq\":" + anchor + ",\"anchorHash\":\"" + anchorHash + "\",\"filtered\":" + filtered
                + ",\"exportedAt\":\"" + CanonicalEncoding.formatTime(clock.instant()) + "\"}\n";
    }

    static String eventLine(AuditEvent event) {
        String canonical = new String(CanonicalEncoding.encode(event), StandardCharsets.UTF_8);
        return "{\"kind\":\"event\"," + canonical.substring(1, canonical.length() - 1) + ",\"hash\":\""
                + event.hash() + "\"}\n";
    }

    static String checkpointLine(Checkpoint checkpoint, boolean seal) {
        return "{\"kind\":\"checkpoint\",\"seq\":" + checkpoint.sequence() + ",\"hash\":\"" + checkpoint.hash()
                + "\",\"time\":\"" + CanonicalEncoding.formatTime(checkpoint.time()) + "\",\"keyId\":\""
                + checkpoint.keyId() + "\",\"algorithm\":\"" + checkpoint.algorithm() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(checkpoint.signature()) + "\",\"seal\":" + seal + "}\n";
    }
}
