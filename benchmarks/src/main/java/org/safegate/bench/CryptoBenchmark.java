package org.safegate.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.crypto.Sealer;
import org.safegate.keys.InsecureExampleKeyStore;

/**
 * On-demand benchmark, not a test: seals and opens one payload with Safegate (in this JVM) and
 * with OpenSSL's streaming pipeline on the same input, and prints MB/s, the ratios, and the
 * machine's one-pass limit for SHA-256 plus AES-256-GCM from {@code openssl speed}.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -DskipTests package
 * java -Xmx64m -cp benchmarks/target/benchmarks.jar \
 *     org.safegate.bench.CryptoBenchmark [MiB, default 1024] [keys-example dir]
 * </pre>
 */
public final class CryptoBenchmark {
    private CryptoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path keys = Path.of(args.length > 1 ? args[1] : "keys-example").toAbsolutePath();
        Path dir = Files.createTempDirectory("safegate-bench");
        try {
            run(mib, keys, dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(long mib, Path keys, Path dir) throws Exception {
        Path plain = writePayload(dir.resolve("plain.bin"), mib << 20);
        double mb = (mib << 20) / 1e6;
        var store = new InsecureExampleKeyStore(keys);
        var ice = store.agencyEncryption("ICE");
        Sealer sealer = new Sealer(store.agencySigning("IRS"), java.time.Clock.systemUTC());
        Opener opener = new Opener(ice, new CertificateVerifier(store.trust()), Clock.systemUTC());

        double sgSeal = seconds(() -> sealer.seal(plain, dir.resolve("sg.p7m"), ice.certificate()));
        double sgOpen = seconds(() -> opener.open(dir.resolve("sg.p7m"), dir.resolve("sg.out")));
        String k = keys.toString();
        double osSeal = seconds(() -> shell(dir, "openssl cms -sign -stream -binary -nodetach -in plain.bin"
                + " -signer " + k + "/agencies/IRS/sign.crt -inkey " + k + "/agencies/IRS/sign.key -outform DER"
                + " | openssl cms -encrypt -stream -binary -aes-256-gcm -recip " + k + "/agencies/ICE/encrypt.crt"
                + " -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256 -outform DER -out os.p7m"));
        double osOpen = seconds(() -> shell(dir, "openssl cms -decrypt -inform DER -in os.p7m -recip " + k
                + "/agencies/ICE/encrypt.crt -inkey " + k + "/agencies/ICE/encrypt.key -out os.signed"
                + " && openssl cms -verify -inform DER -in os.signed -CAfile " + k + "/ca/ca.crt -binary"
                + " -out os.out 2>/dev/null"));
        double sha = speed(dir, "sha256");
        double gcm = speed(dir, "aes-256-gcm");

        System.out.printf("payload %d MiB, heap %d MiB, %s%n", mib, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.version"));
        System.out.printf("seal  safegate %7.0f MB/s   openssl sign|encrypt -stream %7.0f MB/s   ratio %.2f%n",
                mb / sgSeal, mb / osSeal, osSeal / sgSeal);
        System.out.printf("open  safegate %7.0f MB/s   openssl decrypt, then verify %7.0f MB/s   ratio %.2f%n",
                mb / sgOpen, mb / osOpen, osOpen / sgOpen);
        System.out.printf("limit openssl speed: sha256 %.0f MB/s, aes-256-gcm %.0f MB/s, one pass of both %.0f MB/s%n",
                sha, gcm, 1 / (1 / sha + 1 / gcm));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path writePayload(Path file, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
        return file;
    }

    private static String shell(Path dir, String command) throws IOException, InterruptedException {
        Path log = dir.resolve("shell.log");
        Process process = new ProcessBuilder(List.of("sh", "-c", command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** MB/s for 16 KiB blocks, from the last line of {@code openssl speed}. */
    private static double speed(Path dir, String algorithm) throws IOException, InterruptedException {
        String out = shell(dir, "openssl speed -seconds 2 -bytes 16384 -evp " + algorithm + " 2>/dev/null");
        Matcher m = Pattern.compile("([0-9.]+)k\\s*$").matcher(out.strip());
        if (!m.find()) {
            throw new IllegalStateException("cannot read openssl speed output: " + out);
        }
        return Double.parseDouble(m.group(1)) / 1000;
    }
}
