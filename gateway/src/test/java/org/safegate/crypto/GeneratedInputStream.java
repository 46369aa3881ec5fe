package org.safegate.crypto;

import java.io.InputStream;
import java.util.Random;

/**
 * A deterministic pseudo-random byte stream of a given length, generated on the fly and never
 * stored: a 1 MiB random pattern, with every 4 KiB block stamped with its own index so that no
 * two blocks are equal.
 */
final class GeneratedInputStream extends InputStream {
    private static final int PATTERN = 1 << 20;
    private static final int BLOCK = 4096;

    private final byte[] pattern = new byte[PATTERN];
    private final long length;
    private long position;

    GeneratedInputStream(long length, long seed) {
        this.length = length;
        new Random(seed).nextBytes(pattern);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int inBlock = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(count, length - position), BLOCK - inBlock);
        System.arraycopy(pattern, (int) (position % PATTERN), buffer, offset, n);
        long block = position / BLOCK;
        for (int i = Math.max(inBlock, 0); i < 8 && i < inBlock + n; i++) {
            buffer[offset + i - inBlock] ^= (byte) (block >>> (8 * i));
        }
        position += n;
        return n;
    }
}
