package org.safegate.inspect.read;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside
 * is doubled; quoted fields may hold commas and line breaks), CRLF or LF line ends. The first
 * non-blank line is the header. Blank lines are skipped. Every record must have as many fields as
 * the header. A record longer than the byte limit fails at once, so a 10 MB line costs no more
 * memory than the limit. The byte-level work is {@link CsvScanner}'s.
 */
public final class CsvRecordReader implements RecordReader {
    private final CsvScanner scanner;
    private final Columns columns;

    public CsvRecordReader(InputStream in, String source, int maxRecordBytes, List<String> requiredColumns) {
        this.scanner = new CsvScanner(in, source, maxRecordBytes);
        if (!scanner.next()) {
            throw scanner.error("no header: the file is empty; the first line must name the columns "
                    + String.join(",", requiredColumns));
        }
        this.columns = HeaderCheck.check(source, scanner.recordLine(), scanner.fields(), requiredColumns);
    }

    @Override
    public Optional<RawRecord> next() {
        if (!advance()) {
            return Optional.empty();
        }
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scanner.field(i);
        }
        return Optional.of(new RawRecord(scanner.recordLine(), columns, values));
    }

    public Columns columns() {
        return columns;
    }

    /** The current record's bytes, for a pass that reads only some fields (after {@link #advance}). */
    public CsvScanner scanner() {
        return scanner;
    }

    /** Moves to the next record, checked but not decoded; false at the end of the file. */
    public boolean advance() {
        if (!scanner.next()) {
            return false;
        }
        if (scanner.fieldCount() != columns.size()) {
            throw scanner.error("line " + scanner.recordLine() + ": " + scanner.fieldCount()
                    + " fields, but the header has " + columns.size() + " (check the delimiter and quotes)");
        }
        return true;
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
