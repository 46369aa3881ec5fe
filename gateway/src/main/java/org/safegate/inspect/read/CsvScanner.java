package org.safegate.inspect.read;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.safegate.SafegateException;

/**
 * Splits RFC 4180 CSV into records and fields on the raw bytes: a field is a range of the buffer
 * and becomes a String only when asked, so a pass that needs one column decodes nothing else.
 * Each byte is looked at once; plain ASCII takes a table lookup, and only the bytes of non-ASCII
 * characters are decoded (to validate them). Errors come in the order of the bytes, as a
 * character-by-character reader would find them.
 */
public final class CsvScanner {
    private static final byte PLAIN = 0;
    private static final byte SPECIAL = 1;
    // comma, quote, line ends and every byte of a multi-byte character need a closer look
    private static final byte[] CLASS = new byte[256];

    static {
        Arrays.fill(CLASS, 0x80, 256, SPECIAL);
        CLASS[','] = SPECIAL;
        CLASS['"'] = SPECIAL;
        CLASS['\n'] = SPECIAL;
        CLASS['\r'] = SPECIAL;
    }

    private static final int END = -1;

    private final ScanBuffer in;
    // field i is bytes [mark + starts[i], mark + ends[i]), relative so that refills may move them
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private int fieldCount;
    private int uncounted;

    CsvScanner(InputStream in, String source, int maxRecordBytes) {
        this.in = new ScanBuffer(in, source, maxRecordBytes);
    }

    /** Reads the next non-blank record; false at the end of the file. */
    boolean next() {
        while (true) {
            fieldCount = 0;
            in.mark(uncounted);
            uncounted = 0;
            int first = in.peek();
            if (first == END) {
                return false;
            }
            if (first == '\n') {
                in.pos++;
                in.newLine();
            } else if (first == '\r') {
                in.pos++;
                afterCarriageReturn();
            } else {
                readFields();
                return true;
            }
        }
    }

    int fieldCount() {
        return fieldCount;
    }

    long recordLine() {
        return in.recordLine();
    }

    public byte[] bytes() {
        return in.bytes;
    }

    public int start(int field) {
        return in.mark + starts[field];
    }

    public int end(int field) {
        return in.mark + ends[field];
    }

    /** True when the field was quoted and holds a doubled quote. */
    public boolean escaped(int field) {
        return escaped[field];
    }

    public String field(int field) {
        String text = new String(in.bytes, start(field), ends[field] - starts[field], StandardCharsets.UTF_8);
        return escaped[field] ? text.replace("\"\"", "\"") : text;
    }

    List<String> fields() {
        List<String> fields = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            fields.add(field(i));
        }
        return fields;
    }

    SafegateException error(String message) {
        return in.error(message);
    }

    private void readFields() {
        while (true) {
            if (fieldCount == starts.length) {
                starts = Arrays.copyOf(starts, fieldCount * 2);
                ends = Arrays.copyOf(ends, fieldCount * 2);
                escaped = Arrays.copyOf(escaped, fieldCount * 2);
            }
            escaped[fieldCount] = false;
            int end = peekChecked() == '"' ? quoted() : unquoted();
            fieldCount++;
            if (end != ',') {
                if (end == '\r') {
                    afterCarriageReturn();
                }
                return;
            }
        }
    }

    /** Reads an unquoted field; returns what ended it: a comma, a line end or {@link #END}. */
    private int unquoted() {
        ScanBuffer b = in;
        starts[fieldCount] = b.pos - b.mark;
        while (true) {
            byte[] bytes = b.bytes;
            int pos = b.pos;
            int stop = Math.min(b.limit, b.hardEnd);
            while (pos < stop && CLASS[bytes[pos] & 0xFF] == PLAIN) {
                pos++;
            }
            b.pos = pos;
            if (pos == stop) {
                if (pos < b.limit) {
                    throw b.beyondLimit();
                }
                if (!b.fill()) {
                    ends[fieldCount] = b.pos - b.mark;
                    return END;
                }
                continue;
            }
            int c = bytes[pos];
            if (c < 0) {
                int length = b.multiByte(); // may move the buffer, so read pos only after it
                b.pos += length;
                continue;
            }
            if (c == '"') {
                throw b.error("line " + b.line() + ", column " + (fieldCount + 1)
                        + ": a double quote inside an unquoted field; quote the whole field and double the quote");
            }
            ends[fieldCount] = pos - b.mark;
            b.pos = pos + 1;
            if (c == '\n') {
                b.newLine();
            }
            return c;
        }
    }

    /** Reads a quoted field from its opening quote; returns what follows the closing quote. */
    private int quoted() {
        ScanBuffer b = in;
        long startLine = b.line();
        b.pos++;
        starts[fieldCount] = b.pos - b.mark;
        while (true) {
            byte[] bytes = b.bytes;
            int pos = b.pos;
            int stop = Math.min(b.limit, b.hardEnd);
            while (pos < stop && bytes[pos] != '"' && bytes[pos] != '\n' && bytes[pos] >= 0) {
                pos++;
            }
            b.pos = pos;
            if (pos == stop) {
                if (pos < b.limit) {
                    throw b.beyondLimit();
                }
                if (!b.fill()) {
                    throw b.error("line " + startLine + ", column " + (fieldCount + 1)
                            + ": a quoted field is never closed");
                }
                continue;
            }
            int c = bytes[pos];
            if (c == '\n') {
                b.pos++;
                b.newLine();
            } else if (c < 0) {
                int length = b.multiByte();
                b.pos += length;
            } else {
                b.pos++;
                int after = peekChecked();
                if (after == '"') {
                    escaped[fieldCount] = true;
                    b.pos++;
                    continue;
                }
                ends[fieldCount] = b.pos - 1 - b.mark;
                return closed(after);
            }
        }
    }

    private int closed(int after) {
        if (after == END) {
            return END;
        }
        if (after != ',' && after != '\n' && after != '\r') {
            throw in.error("line " + in.line() + ", column " + (fieldCount + 1) + ": text after a closing quote");
        }
        in.pos++;
        if (after == '\n') {
            in.newLine();
        }
        return after;
    }

    /**
     * The next byte, or {@link #END}, once its character is known to be valid UTF-8 and within the
     * record limit (the order in which a character reader would check them).
     */
    private int peekChecked() {
        int c = in.peek();
        if (c == END) {
            return END;
        }
        if (in.pos >= in.hardEnd) {
            throw in.beyondLimit();
        }
        if (c >= 0x80) {
            in.multiByte();
        }
        return c;
    }

    /**
     * After a carriage return: a line feed belongs to it. Any other character was read ahead by the
     * character reader this replaces, and so was checked as part of this record and did not count
     * towards the next one's limit; both are kept, so that files are refused exactly as before.
     */
    private void afterCarriageReturn() {
        int c = peekChecked();
        if (c == '\n') {
            in.pos++;
            in.newLine();
        } else if (c != END) {
            uncounted = c < 0x80 ? 1 : in.multiByte();
        }
    }
}
