package org.safegate.inspect.read;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer for the output files: ASCII, nearly all of what is written, goes into a
 * 64 KiB byte buffer one char per byte, without the locking and charset machinery of an
 * {@code OutputStreamWriter} under a {@code BufferedWriter}. The bytes are the same as theirs,
 * including a surrogate pair split over two writes, and {@code ?} for an unpaired surrogate.
 * Not thread-safe.
 */
public final class Utf8Writer extends Writer {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int count;
    private char highSurrogate;
    private boolean closed;

    public Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        if (highSurrogate == 0) {
            // the common case in a tight loop: ASCII while it fits
            int stop = Math.min(end, offset + buffer.length - count);
            int at = count;
            for (char c; i < stop && (c = text.charAt(i)) < 0x80; i++) {
                buffer[at++] = (byte) c;
            }
            count = at;
        }
        for (; i < end; i++) {
            put(text.charAt(i));
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c < 0x80 && highSurrogate == 0 && count < buffer.length) {
                buffer[count++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return; // the JSON generator closes its target, and so does its owner
        }
        closed = true;
        try (out) {
            if (highSurrogate != 0) {
                highSurrogate = 0;
                ascii('?');
            }
            drain();
        }
    }

    private void put(char c) throws IOException {
        if (highSurrogate != 0) {
            char high = highSurrogate;
            highSurrogate = 0;
            if (Character.isLowSurrogate(c)) {
                codePoint(Character.toCodePoint(high, c));
                return;
            }
            ascii('?');
        }
        if (c < 0x80) {
            ascii(c);
        } else if (Character.isHighSurrogate(c)) {
            highSurrogate = c;
        } else if (Character.isLowSurrogate(c)) {
            ascii('?');
        } else {
            codePoint(c);
        }
    }

    private void ascii(char c) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) c;
    }

    private void codePoint(int cp) throws IOException {
        if (count + 4 > buffer.length) {
            drain();
        }
        if (cp < 0x800) {
            buffer[count++] = (byte) (0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            buffer[count++] = (byte) (0xE0 | cp >> 12);
            buffer[count++] = (byte) (0x80 | cp >> 6 & 0x3F);
        } else {
            buffer[count++] = (byte) (0xF0 | cp >> 18);
            buffer[count++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buffer[count++] = (byte) (0x80 | cp >> 6 & 0x3F);
        }
        buffer[count++] = (byte) (0x80 | cp & 0x3F);
    }

    private void drain() throws IOException {
        out.write(buffer, 0, count);
        count = 0;
    }
}
