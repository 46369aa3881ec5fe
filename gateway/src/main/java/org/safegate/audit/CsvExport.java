package org.safegate.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.function.LongConsumer;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** Writes matching events as CSV (RFC 4180) for spreadsheets. Not verifiable: use JSON Lines for that. */
public final class CsvExport {
    private static final String HEADER = "seq,time,type,actor,origin,object,outcome,transfer,provider,recipient,"
            + "agreement,authority,category,payload_digest,size,records,decision,reasons,parent,change,prev_hash,hash";

    private final AuditStore store;

    public CsvExport(AuditStore store) {
        this.store = store;
    }

    public long write(AuditQuery query, Writer out, LongConsumer progress) {
        long[] count = {0};
        try {
            out.write(HEADER + "\r\n");
            store.forEach(query, event -> {
                try {
                    out.write(row(event));
                } catch (IOException e) {
                    throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write the export: " + e.getMessage(), e);
                }
                if (++count[0] % 100_000 == 0) {
                    progress.accept(count[0]);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write the export: " + e.getMessage(), e);
        }
        return count[0];
    }

    private static String row(AuditEvent event) {
        AuditEntry e = event.entry();
        Object[] cells = {event.sequence(), CanonicalEncoding.formatTime(event.time()), e.type(), e.actor(), e.origin(),
            e.object(), e.outcome(), e.transferId(), e.provider(), e.recipient(), e.agreement(), e.authority(),
            e.category(), e.payloadDigest(), e.size(), e.recordCount(), e.decision(), String.join(" ", e.reasonCodes()),
            e.parentTransfer(), e.change(), event.previousHash(), event.hash()};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    /** Quotes when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
