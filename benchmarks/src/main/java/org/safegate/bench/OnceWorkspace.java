package org.safegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.safegate.demo.CasePolicies;

/**
 * Prepares a workspace for timing a freshly started {@code safegate run --once} (JVM start
 * included), which the scripts {@code benchmarks/run-once-files.sh} and
 * {@code benchmarks/run-once-requests.sh} then run: the case's policies dated from today, a copy of
 * the example keys, an {@code application.properties}, and what waits in an outbox. Either
 * {@code files N}: N files of 4 KB from the IRS to DOJ; or {@code requests N}: one request file of N
 * records from ICE, ids in random order, about 6% deficient (as {@link InspectionBenchmark}).
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.safegate.bench.OnceWorkspace DIR files 2000
 * java -cp benchmarks/target/benchmarks.jar org.safegate.bench.OnceWorkspace DIR requests 1280000
 * </pre>
 * Run from the repository root (it copies keys-example/).
 */
public final class OnceWorkspace {
    private OnceWorkspace() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[1].equals("files") || args[1].equals("requests"))) {
            throw new IllegalArgumentException("usage: OnceWorkspace DIR files|requests N");
        }
        Path workspace = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        CasePolicies.write(workspace.resolve("policies"), LocalDate.now(ZoneOffset.UTC));
        RequestExchangeBenchmark.copy(Path.of("keys-example"), workspace.resolve("keys-example"));
        String settings = "safegate.keys=file:keys-example\nsafegate.api.port=0\n";
        // files older than the quiet period: they are ready when the run starts
        FileTime ready = FileTime.from(Instant.now().minusSeconds(10));
        if (args[1].equals("files")) {
            Path folder = Files.createDirectories(workspace.resolve("work/IRS/outbox/IRS-DOJ-2024"));
            Random random = new Random(7);
            byte[] content = new byte[4096];
            for (int i = 0; i < count; i++) {
                random.nextBytes(content);
                Path file = folder.resolve("f" + i + ".csv");
                Files.write(file, content);
                Files.setLastModifiedTime(file, ready);
            }
        } else {
            // the generated mix has about 6% deficient records: the file is passed, not quarantined
            settings += "safegate.requests.allowed-statutes=8 U.S.C. 1253(a)(1)\nsafegate.requests.quarantine-share=0.5\n";
            Path file = Files.createDirectories(workspace.resolve("work/ICE/outbox/IRS-ICE-2025/requests"))
                    .resolve("batch.csv");
            InspectionBenchmark.generate(file, count, true);
            Files.setLastModifiedTime(file, ready);
        }
        Files.writeString(workspace.resolve("application.properties"), settings);
    }
}
