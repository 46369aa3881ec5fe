package org.safegate.inspect;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside
 * is doubled; quoted fields may hold commas and line breaks), CRLF or LF line ends. The first
 * non-blank line is the header. Blank lines are skipped. Every record must have as many fields as
 * the header. A record longer than the byte limit fails at once, so a 10 MB line costs no more
 * memory than the limit.
 */
final class CsvRecordReader implements RecordReader {
    private final Utf8Reader in;
    private final int maxRecordBytes;
    private final Columns columns;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private long recordStart;
    private long recordLine;
    private int lookahead = Utf8Reader.END - 1;

    CsvRecordReader(InputStream in, String source, int maxRecordBytes, List<String> requiredColumns) {
        this.in = new Utf8Reader(in, source);
        this.maxRecordBytes = maxRecordBytes;
        if (!readRecord()) {
            throw fileError("no header: the file is empty; the first line must name the columns "
                    + String.join(",", requiredColumns));
        }
        this.columns = HeaderCheck.check(source, recordLine, fields, requiredColumns);
    }

    @Override
    public Optional<RawRecord> next() {
        if (!readRecord()) {
            return Optional.empty();
        }
        if (fields.size() != columns.size()) {
            throw fileError("line " + recordLine + ": " + fields.size() + " fields, but the header has "
                    + columns.size() + " (check the delimiter and quotes)");
        }
        return Optional.of(new RawRecord(recordLine, columns, fields));
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    /** Reads the next non-blank record into {@link #fields}; false at the end of the file. */
    private boolean readRecord() {
        while (true) {
            fields.clear();
            recordStart = in.byteOffset();
            recordLine = in.line();
            int c = nextChar();
            if (c == Utf8Reader.END) {
                return false;
            }
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                skipLineFeed();
                continue;
            }
            while (true) {
                c = c == '"' ? readQuoted() : readUnquoted(c);
                fields.add(field.toString());
                field.setLength(0);
                if (c != ',') {
                    if (c == '\r') {
                        skipLineFeed();
                    }
                    return true;
                }
                c = nextChar();
            }
        }
    }

    /** Reads an unquoted field starting with c; returns the character that ended it. */
    private int readUnquoted(int c) {
        while (c != ',' && c != '\n' && c != '\r' && c != Utf8Reader.END) {
            if (c == '"') {
                throw fileError("line " + in.line() + ", column " + (fields.size() + 1)
                        + ": a double quote inside an unquoted field; quote the whole field and double the quote");
            }
            field.append((char) c);
            c = nextChar();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted() {
        long startLine = in.line();
        while (true) {
            int c = nextChar();
            if (c == Utf8Reader.END) {
                throw fileError("line " + startLine + ", column " + (fields.size() + 1)
                        + ": a quoted field is never closed");
            }
            if (c == '"') {
                int after = nextChar();
                if (after != '"') {
                    if (after != ',' && after != '\n' && after != '\r' && after != Utf8Reader.END) {
                        throw fileError("line " + in.line() + ", column " + (fields.size() + 1)
                                + ": text after a closing quote");
                    }
                    return after;
                }
            }
            field.append((char) c);
        }
    }

    private void skipLineFeed() {
        int c = nextChar();
        if (c != '\n') {
            lookahead = c;
        }
    }

    private int nextChar() {
        if (lookahead >= Utf8Reader.END) {
            int c = lookahead;
            lookahead = Utf8Reader.END - 1;
            return c;
        }
        int c = in.read();
        if (in.byteOffset() - recordStart > maxRecordBytes) {
            throw fileError("line " + recordLine + ": record longer than " + maxRecordBytes
                    + " bytes (the limit); refusing to read further");
        }
        return c;
    }

    private SafegateException fileError(String message) {
        return new SafegateException(ErrorCode.RECORD_FILE_INVALID, in.source() + " " + message);
    }
}
