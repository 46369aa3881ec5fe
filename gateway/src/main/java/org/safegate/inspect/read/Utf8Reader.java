package org.safegate.inspect.read;

import java.io.IOException;
import java.io.InputStream;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Decodes strict UTF-8 one character at a time while counting lines and bytes, so that a bad byte
 * is reported by line and byte offset (a JDK decoder reports neither). Overlong forms, surrogates
 * and code points past U+10FFFF are refused. A leading byte order mark is skipped.
 */
final class Utf8Reader {
    static final int END = -1;

    private final InputStream in;
    private final String source;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long consumed;
    private long line = 1;
    private long column;
    private int pendingLowSurrogate = END;

    Utf8Reader(InputStream in, String source) {
        this.in = in;
        this.source = source;
        if (peekBom()) {
            position = 3;
        }
    }

    /** The next UTF-16 code unit, or {@link #END}. */
    int read() {
        if (pendingLowSurrogate != END) {
            int low = pendingLowSurrogate;
            pendingLowSurrogate = END;
            return low;
        }
        int first = nextByte();
        if (first < 0x80) {
            if (first == '\n') {
                line++;
                column = 0;
            } else if (first != END) {
                column++;
            }
            return first;
        }
        column++;
        int codePoint = decodeMultiByte(first);
        if (codePoint > 0xFFFF) {
            pendingLowSurrogate = Character.lowSurrogate(codePoint);
            return Character.highSurrogate(codePoint);
        }
        return codePoint;
    }

    /** Bytes consumed so far (the offset of the next byte), counting a byte order mark. */
    long byteOffset() {
        return consumed + position;
    }

    /** The line of the next character (1-based). */
    long line() {
        return line;
    }

    /** The column of the last character read on the current line (1-based characters). */
    long column() {
        return column;
    }

    String source() {
        return source;
    }

    private int decodeMultiByte(int first) {
        long offset = byteOffset() - 1;
        int extra;
        int min;
        int max = 0xBF;
        int value;
        if (first >= 0xC2 && first <= 0xDF) {
            extra = 1;
            min = 0x80;
            value = first & 0x1F;
        } else if (first >= 0xE0 && first <= 0xEF) {
            extra = 2;
            min = first == 0xE0 ? 0xA0 : 0x80;
            max = first == 0xED ? 0x9F : 0xBF;
            value = first & 0x0F;
        } else if (first >= 0xF0 && first <= 0xF4) {
            extra = 3;
            min = first == 0xF0 ? 0x90 : 0x80;
            max = first == 0xF4 ? 0x8F : 0xBF;
            value = first & 0x07;
        } else {
            throw invalid(offset, first);
        }
        for (int i = 0; i < extra; i++) {
            int next = nextByte();
            int low = i == 0 ? min : 0x80;
            int high = i == 0 ? max : 0xBF;
            if (next == END || next < low || next > high) {
                throw invalid(offset, first);
            }
            value = (value << 6) | (next & 0x3F);
        }
        return value;
    }

    private SafegateException invalid(long offset, int first) {
        return new SafegateException(ErrorCode.RECORD_FILE_INVALID, String.format(
                "%s line %d, column %d: invalid UTF-8 at byte offset %d (byte 0x%02X); the file must be UTF-8",
                source, line, column, offset, first));
    }

    private int nextByte() {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++] & 0xFF;
    }

    private boolean fill() {
        consumed += limit;
        position = 0;
        limit = 0;
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private boolean peekBom() {
        while (limit < 3) {
            try {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    break;
                }
                limit += n;
            } catch (IOException e) {
                throw new SafegateException(ErrorCode.IO_FAILURE, source + ": cannot read: " + e.getMessage(), e);
            }
        }
        return limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF;
    }
}
