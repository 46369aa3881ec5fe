package org.safegate.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/**
 * Starts writing a large file's pages to disk while the file is still being produced: after every
 * {@value #EVERY_BYTES} bytes a background thread forces what was written so far, so the disk works
 * while the sealer encrypts and the final, durable force finds little left to do. Durability is
 * unchanged: the caller still forces the whole file before it counts as written. Small files never
 * start a thread.
 */
final class WriteBehind extends FilterOutputStream {
    private static final long EVERY_BYTES = 64L << 20;

    private final FileChannel channel;
    private long sinceFlush;
    private Thread flushing;

    WriteBehind(FileChannel channel, OutputStream out) {
        super(out);
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        written(1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        written(length);
    }

    /** Waits for a background flush still running; call before the final force and before closing. */
    void awaitFlushed() throws IOException {
        if (flushing == null) {
            return;
        }
        try {
            flushing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a flush");
        }
    }

    private void written(int length) {
        sinceFlush += length;
        if (sinceFlush < EVERY_BYTES || (flushing != null && flushing.isAlive())) {
            return;
        }
        sinceFlush = 0;
        flushing = new Thread(() -> {
            try {
                channel.force(false);
            } catch (IOException ignored) {
                // only an early start: the caller's final force reports any failure to write
            }
        }, "write-behind");
        flushing.setDaemon(true);
        flushing.start();
    }
}
