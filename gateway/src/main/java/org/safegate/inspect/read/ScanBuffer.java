package org.safegate.inspect.read;

import java.io.IOException;
import java.io.InputStream;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The byte window {@link CsvScanner} reads through: a large buffer refilled from the stream, the
 * line count, strict UTF-8 checks and the record size limit. Everything from the current record's
 * mark on stays in the buffer, so a record's fields can be read as offsets from the mark; the buffer
 * grows only when one record needs it, so memory is bounded by the record limit, not the file.
 *
 * <p>Columns are not counted while scanning (that would cost a step per byte); a UTF-8 error counts
 * them back from the start of its line, carrying the count of any part already dropped.
 */
final class ScanBuffer {
    private static final int INITIAL_SIZE = 1 << 18;

    byte[] bytes = new byte[INITIAL_SIZE];
    int pos;
    int limit;
    /** Buffer index of the record being read; nothing from here on is dropped. */
    int mark;
    /** A character ending after this index makes the record longer than the limit. */
    int hardEnd;

    private final InputStream in;
    private final String source;
    private final int maxRecordBytes;
    private long base;
    private boolean eof;
    private long line = 1;
    private long recordLine = 1;
    private int lineStart;
    private long lineCharsDropped;

    ScanBuffer(InputStream in, String source, int maxRecordBytes) {
        this.in = in;
        this.source = source;
        this.maxRecordBytes = maxRecordBytes;
        while (limit < 3 && fill()) {
            // a byte order mark may arrive in pieces
        }
        if (limit >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            pos = 3;
            lineStart = 3;
        }
    }

    /**
     * Starts a record at the current position. {@code uncounted} bytes at its start do not count
     * towards the limit (a character the previous record's line end already read ahead).
     */
    void mark(int uncounted) {
        mark = pos;
        recordLine = line;
        hardEnd = (int) Math.min(Integer.MAX_VALUE, (long) pos + uncounted + maxRecordBytes);
    }

    long line() {
        return line;
    }

    long recordLine() {
        return recordLine;
    }

    String source() {
        return source;
    }

    /** Call after stepping over a line feed. */
    void newLine() {
        line++;
        lineStart = pos;
        lineCharsDropped = 0;
    }

    /** The next byte (0-255) without consuming it, or -1 at the end of the file. */
    int peek() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return bytes[pos] & 0xFF;
    }

    /**
     * Validates the multi-byte character at {@link #pos} and checks it fits the record; returns its
     * length without consuming it.
     */
    int multiByte() {
        while (limit - pos < 4 && fill()) {
            // a character may straddle two reads
        }
        int length = Utf8.sequenceLength(bytes, pos, limit);
        if (length < 0) {
            throw invalidUtf8();
        }
        if (pos + length > hardEnd) {
            throw tooLong();
        }
        return length;
    }

    /** The character at {@link #pos} starts at the hard end: it is checked as UTF-8, then refused. */
    SafegateException beyondLimit() {
        if (bytes[pos] < 0) {
            multiByte();
        }
        return tooLong();
    }

    SafegateException tooLong() {
        return error("line " + recordLine + ": record longer than " + maxRecordBytes
                + " bytes (the limit); refusing to read further");
    }

    SafegateException error(String message) {
        return new SafegateException(ErrorCode.RECORD_FILE_INVALID, source + " " + message);
    }

    /** Reads more bytes after {@link #limit}; false at the end of the file. */
    boolean fill() {
        if (eof) {
            return false;
        }
        if (limit == bytes.length) {
            makeRoom();
        }
        try {
            int n;
            do {
                n = in.read(bytes, limit, bytes.length - limit);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Drops the bytes before the mark; doubles the buffer when the record fills more than half. */
    private void makeRoom() {
        int drop = mark;
        if (lineStart < drop) {
            lineCharsDropped += Utf8.characters(bytes, lineStart, drop);
            lineStart = drop;
        }
        byte[] target = limit - drop > bytes.length / 2 ? new byte[bytes.length * 2] : bytes;
        System.arraycopy(bytes, drop, target, 0, limit - drop);
        bytes = target;
        base += drop;
        limit -= drop;
        pos -= drop;
        mark = 0;
        hardEnd = hardEnd == Integer.MAX_VALUE ? hardEnd : hardEnd - drop;
        lineStart -= drop;
    }

    private SafegateException invalidUtf8() {
        long column = lineCharsDropped + Utf8.characters(bytes, lineStart, pos) + 1;
        return error(String.format("line %d, column %d: invalid UTF-8 at byte offset %d (byte 0x%02X); "
                + "the file must be UTF-8", line, column, base + pos, bytes[pos] & 0xFF));
    }
}
