package org.safegate.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.safegate.crypto.Sealer;
import org.safegate.demo.CasePolicies;
import org.safegate.keys.InsecureExampleKeyStore;

/**
 * On-demand benchmark, not a test: the real gateway ({@code ./safegate run}, the launcher with its
 * JVM options) in its own process with a 256 MB heap, the embedded SQLite store and the durable audit log, file
 * endpoints, in a fresh workspace with the example policies and keys. The IRS sends to DOJ: first a
 * warm-up batch, then the measured batch of small files (files/s until every one is delivered),
 * then one large file (MB/s until it is delivered). After the gateway has stopped, the same large
 * file is sealed once more in this JVM with {@link Sealer} alone (as in {@link CryptoBenchmark}),
 * and the ratio of the two is printed.
 *
 * <pre>
 * ./mvnw -B -Pbench -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar org.safegate.bench.GatewayBenchmark \
 *     [files, default 10000] [bytes each, default 4096] [large file MiB, default 1024, 0 for none]
 *     [warm-up files, default 20000: enough for the JIT compiler to finish; after 5000 it still
 *     took 14 to 19% of the gateway's CPU, which a gateway that has run for a while does not spend]
 * </pre>
 * Run from the repository root (it needs ./safegate, gateway/target/safegate.jar, policies/ and keys-example/).
 */
public final class GatewayBenchmark {
    private static final String AGREEMENT = "IRS-DOJ-2024";

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int bytes = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        long largeMib = args.length > 2 ? Long.parseLong(args[2]) : 1024;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("gateway/target/safegate.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build first and run from the repository root");
        }
        Path workspace = Files.createTempDirectory("safegate-gateway-bench");
        try {
            run(root, workspace, files, bytes, largeMib, warmUp);
        } finally {
            deleteTree(workspace);
        }
    }

    private static void run(Path root, Path workspace, int files, int bytes, long largeMib, int warmUp)
            throws Exception {
        CasePolicies.write(workspace.resolve("policies"), LocalDate.now(ZoneOffset.UTC));
        copyTree(root.resolve("keys-example"), workspace.resolve("keys-example"));
        Files.writeString(workspace.resolve("application.properties"), "safegate.keys=file:keys-example\n"
                // the benchmark measures transfers: no admin API (it would need a TLS certificate)
                + "safegate.api.port=0\n");
        Path outbox = Files.createDirectories(workspace.resolve("work/IRS/outbox").resolve(AGREEMENT));
        Path inbox = workspace.resolve("work/DOJ/inbox").resolve(AGREEMENT);
        Path staging = Files.createDirectories(workspace.resolve("staging"));
        // 0 MiB skips the large file (and the seal-only comparison): quicker runs for the small files alone
        Path large = largeMib > 0 ? writeLarge(staging.resolve("large.bin"), largeMib << 20) : null;
        List<Path> warm = writeSmall(staging, "warm", warmUp, bytes);
        List<Path> small = writeSmall(staging, "file", files, bytes);

        // started as operators start it (the launcher's JVM options apply), with the heap capped;
        // e.g. -Dsafegate.bench.jvm=-XX:StartFlightRecording=filename=/tmp/gateway.jfr to profile the gateway
        String jvmOptions = ("-Xmx256m " + System.getProperty("safegate.bench.jvm", "")).strip();
        ProcessBuilder launch = new ProcessBuilder(root.resolve("safegate").toString(), "run")
                .directory(workspace.toFile()).redirectOutput(workspace.resolve("gateway-out.txt").toFile())
                .redirectError(workspace.resolve("gateway-err.txt").toFile());
        launch.environment().put("SAFEGATE_JAVA_OPTS", jvmOptions);
        // the launcher runs the first java on the PATH: make it this benchmark's own
        launch.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin").toString(),
                (path, javaBin) -> javaBin + java.io.File.pathSeparator + path);
        SealedFileCounter delivered = SealedFileCounter.watching(inbox);
        Process gateway;
        try {
            gateway = launch.start();
        } catch (IOException e) {
            delivered.close();
            throw e;
        }
        double smallSeconds;
        double largeSeconds;
        Duration smallCpu;
        ThreadCpu smallThreads;
        long storeBytes;
        try {
            moveAll(warm, outbox);
            awaitDelivered(gateway, delivered, warm.size(), workspace);
            Duration cpuBefore = cpu(gateway);
            ThreadCpu threadsBefore = ThreadCpu.of(gateway.pid());
            long start = System.nanoTime();
            moveAll(small, outbox);
            awaitDelivered(gateway, delivered, warm.size() + small.size(), workspace);
            smallSeconds = (System.nanoTime() - start) / 1e9;
            smallCpu = cpu(gateway).minus(cpuBefore);
            smallThreads = ThreadCpu.of(gateway.pid()).minus(threadsBefore);
            storeBytes = StoreSize.of(workspace.resolve("data"));
            start = System.nanoTime();
            if (large != null) {
                moveAll(List.of(large), outbox);
                awaitDelivered(gateway, delivered, warm.size() + small.size() + 1, workspace);
            }
            largeSeconds = (System.nanoTime() - start) / 1e9;
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
            delivered.close();
        }
        printSmall(files, bytes, warmUp, smallSeconds, smallCpu);
        System.out.println("of which, per file: " + smallThreads.perFile(files));
        System.out.printf("store (file and write-ahead log) after %d files: %.1f MB, %.2f KB per file%n", warmUp + files, storeBytes / 1e6,
                storeBytes / 1e3 / (warmUp + files));
        if (large != null) {
            compareWithSealOnly(workspace, largeMib, largeSeconds);
        }
    }

    private static void printSmall(int files, int bytes, int warmUp, double smallSeconds, Duration smallCpu) {
        System.out.printf("gateway: ./safegate run (its JVM options) with -Xmx256m, SQLite store, durable audit, file endpoints;"
                + " %s; load average %s%n",
                System.getProperty("java.vm.version"), loadAverage());
        System.out.printf("small files: %d x %d B in %.1f s = %.0f files/s (after %d warm-up files)%n", files, bytes,
                smallSeconds, files / smallSeconds, warmUp);
        double cpuMillis = smallCpu.toNanos() / 1e6 / files;
        System.out.printf("gateway CPU (user + system) per small file: %.2f ms, so at most %.0f files/s on %d free"
                + " cores%n", cpuMillis, Runtime.getRuntime().availableProcessors() * 1000 / cpuMillis,
                Runtime.getRuntime().availableProcessors());
    }

    private static void compareWithSealOnly(Path workspace, long largeMib, double largeSeconds) throws Exception {
        Path archived = findArchived(workspace.resolve("data/archive"), largeMib << 20);
        var keys = new InsecureExampleKeyStore(workspace.resolve("keys-example"));
        Sealer sealer = new Sealer(keys.gatewaySigning(), java.time.Clock.systemUTC());
        Path sealOnlyOut = workspace.resolve("seal-only.p7m");
        // warm this JVM's sealing code up first, as the gateway's was by the small files
        Path warmUpSeal = writeLarge(workspace.resolve("warm-up.bin"), 64L << 20);
        sealer.seal(warmUpSeal, workspace.resolve("warm-up.p7m"), keys.agencyEncryption("DOJ").certificate());
        long start = System.nanoTime();
        sealer.seal(archived, sealOnlyOut, keys.agencyEncryption("DOJ").certificate());
        double sealSeconds = (System.nanoTime() - start) / 1e9;

        double largeMb = (largeMib << 20) / 1e6;
        System.out.printf("large file: %d MiB in %.1f s = %.0f MB/s through the gateway%n", largeMib, largeSeconds,
                largeMb / largeSeconds);
        System.out.printf("seal only (Sealer, this JVM): %.1f s = %.0f MB/s; gateway / seal-only = %.2f%n", sealSeconds,
                largeMb / sealSeconds, sealSeconds / largeSeconds);
    }

    /** Files written beforehand, old enough for the read lock, and moved in all at once (one rename each). */
    private static void moveAll(List<Path> staged, Path outbox) throws IOException {
        for (Path file : staged) {
            Files.move(file, outbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void awaitDelivered(Process gateway, SealedFileCounter delivered, int expected, Path workspace)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (delivered.count(200) < expected) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway stopped: "
                        + Files.readString(workspace.resolve("gateway-err.txt")));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not delivered within 30 minutes: " + delivered.count(0));
            }
        }
    }

    private static List<Path> writeSmall(Path staging, String prefix, int count, int bytes) throws IOException {
        Random random = new Random(7);
        byte[] content = new byte[bytes];
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        List<Path> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            random.nextBytes(content);
            Path file = staging.resolve(String.format("%s-%05d.bin", prefix, i));
            Files.write(file, content);
            Files.setLastModifiedTime(file, old);
            written.add(file);
        }
        return written;
    }

    private static Path writeLarge(Path file, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    /** The large original, as the gateway archived it after delivery. */
    private static Path findArchived(Path archive, long size) throws IOException {
        try (Stream<Path> all = Files.walk(archive)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.size(p) == size;
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new IllegalStateException("the large file is not in " + archive));
        }
    }

    /** CPU time the process has used so far (zero where the platform does not say). */
    private static Duration cpu(Process process) {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
