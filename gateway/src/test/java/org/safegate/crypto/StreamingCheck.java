package org.safegate.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.safegate.testing.TestClocks;

/**
 * Run in a child JVM with a small heap by {@link StreamingMemoryTest}: seals a generated payload
 * into a pipe in one thread while opening it from the pipe in another, and compares SHA-256 of
 * what went in with what came out. Nothing touches the disk. Prints "OK" and the figures.
 */
public final class StreamingCheck {
    private StreamingCheck() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        MessageDigest inDigest = MessageDigest.getInstance("SHA-256");
        MessageDigest outDigest = MessageDigest.getInstance("SHA-256");
        PipedInputStream pipeIn = new PipedInputStream(1 << 20);
        PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
        AtomicReference<Throwable> sealFailure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread sealer = new Thread(() -> {
            try (pipeOut; var in = new DigestInputStream(new GeneratedInputStream(size, 42), inDigest)) {
                new Sealer(TestKeys.irsSigning(), TestClocks.caseDay()).seal(in, pipeOut, TestKeys.iceEncryption().certificate());
            } catch (IOException | RuntimeException e) {
                sealFailure.set(e);
            }
        }, "seal");
        sealer.start();
        OpenedFile opened;
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), outDigest)) {
            opened = TestKeys.iceOpener().open(pipeIn, Long.MAX_VALUE, out, null);
        }
        sealer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sealFailure.get() != null) {
            throw new IllegalStateException("sealing failed", sealFailure.get());
        }
        String in = HexFormat.of().formatHex(inDigest.digest());
        String out = HexFormat.of().formatHex(outDigest.digest());
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%s size=%d in=%s out=%s seconds=%.1f MB/s=%.0f maxHeapMB=%d%n",
                in.equals(out) && opened.size() == size ? "OK" : "MISMATCH", opened.size(), in, out, seconds,
                size / 1e6 / seconds, rt.maxMemory() >> 20);
    }
}
