package org.safegate.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts the records of a file while something else reads it (its digest), so a large file is read
 * once. The format is known from the name's extension: {@code .csv} (a header line, then one
 * record per line; a line break inside a double-quoted field does not end a record) or
 * {@code .jsonl} / {@code .ndjson} (one record per line). Blank lines are no records. Any other
 * name has no count: an unknown format is never counted as 0 records.
 */
final class RecordCount {
    private final boolean csv;
    private long lines;
    private boolean lineHasContent;
    private boolean quoted;

    private RecordCount(boolean csv) {
        this.csv = csv;
    }

    /** A counter for the file's format, or empty when the format is not known. */
    static Optional<RecordCount> forName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(new RecordCount(true));
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(new RecordCount(false));
        }
        return Optional.empty();
    }

    /** The records of a file read for nothing else (a transfer resumed with its digest journaled). */
    static Optional<Long> of(Path file) throws IOException {
        Optional<RecordCount> counter = forName(file.getFileName().toString());
        if (counter.isEmpty()) {
            return Optional.empty();
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = java.nio.file.Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                counter.get().update(buffer, 0, n);
            }
        }
        return Optional.of(counter.get().records());
    }

    void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (csv && b == '"') {
                // an escaped quote ("") toggles twice, so parity alone says whether a field is open
                quoted = !quoted;
            }
            if (b == '\n' && !quoted) {
                endLine();
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                lineHasContent = true;
            }
        }
    }

    /** The records read so far, the last line counted even without a final line break. */
    long records() {
        long all = lines + (lineHasContent ? 1 : 0);
        return csv ? Math.max(0, all - 1) : all;
    }

    private void endLine() {
        if (lineHasContent) {
            lines++;
        }
        lineHasContent = false;
    }
}
