package org.safegate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.safegate.config.Settings;
import org.safegate.demo.CasePolicies;
import org.safegate.app.Gateway;
import org.safegate.transfer.TransferOutcome;

/**
 * On demand, not a test: one generated request file (1,280,000 records by default, ids in random order, the same mix of
 * defects as {@link InspectionBenchmark}) through the real gateway wiring, end to end: inspection,
 * outcomes stored in the embedded SQLite store, the passing records sealed to the data holder, the
 * refusals sealed back to the requester, audit event and receipt. Run from the repository root:
 * <pre>
 * ./mvnw -B -q -Pbench -DskipTests package
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.safegate.bench.RequestExchangeBenchmark 1280000
 * </pre>
 */
public final class RequestExchangeBenchmark {
    private RequestExchangeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_280_000;
        Path root = Path.of("").toAbsolutePath();
        Path workspace = Files.createTempDirectory("safegate-requests-bench");
        CasePolicies.write(workspace.resolve("policies"), LocalDate.now(ZoneOffset.UTC));
        copy(root.resolve("keys-example"), workspace.resolve("keys-example"));
        Path outbox = workspace.resolve("work/ICE/outbox");
        Path file = Files.createDirectories(outbox.resolve("IRS-ICE-2025/requests")).resolve("batch.csv");
        InspectionBenchmark.generate(file, records, true);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        System.out.printf("generated %,d records, %,d bytes%n", records, Files.size(file));
        // the generated mix has about 6% deficient records; pass the file rather than quarantine it
        Settings settings = Settings.of(Map.of("safegate.keys", "file:keys-example",
                "safegate.data", workspace.resolve("data").toString(),
                "safegate.policies", workspace.resolve("policies").toString(),
                "safegate.requests.allowed-statutes", "8 U.S.C. 1253(a)(1)",
                "safegate.requests.quarantine-share", "0.5"));
        try (Gateway gateway = Gateway.open(settings, Map.of(), workspace, Clock.systemUTC())) {
            long start = System.nanoTime();
            TransferOutcome outcome = gateway.processor().process("ICE", outbox, file);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("end to end: %s, %,d records in %.2f s = %,.0f records/s%n", outcome, records, seconds,
                    records / seconds);
        }
        long storeBytes = StoreSize.of(workspace.resolve("data"));
        System.out.printf("store (file and write-ahead log): %.1f MB, %.1f bytes per record%n", storeBytes / 1e6,
                (double) storeBytes / records);
    }

    static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(f -> {
                try {
                    Path to = target.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
