package org.safegate.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.safegate.inspect.InspectionContext;
import org.safegate.inspect.InspectionResult;
import org.safegate.inspect.InspectionSettings;
import org.safegate.inspect.PassedRequests;
import org.safegate.inspect.RequestInspector;
import org.safegate.inspect.RequestOutcome;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Source;

/**
 * Request inspection at the scale of the case: generates a 1,280,000-record request file (about 6%
 * deficient records of every kind, and a boilerplate reason on 1% of the records) and inspects it on
 * one thread, printing records per second of wall time and of the thread's CPU time. Inspection
 * alone: both passes, the passed and rejection files and the read-back of passed ids, with outcomes
 * discarded rather than stored.
 *
 * <pre>
 * ./mvnw -B -Pbench -DskipTests package
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.safegate.bench.InspectionBenchmark [records] [runs]
 * </pre>
 */
public final class InspectionBenchmark {
    private static final String HEADER = "request_id,name,street,city,state,zip,taxable_periods,statute,reason,"
            + "requesting_official";
    private static final String[] FIRST = {"John", "Mary", "José", "Anne-Marie", "Wei", "Fatima", "Liam", "Olga"};
    private static final String[] LAST = {"Smith", "O'Brien", "Núñez", "Smith-Jones", "Chen", "Haddad", "Nguyen"};
    private static final String[] STREETS = {"Main Street", "N. Oak Ave.", "Pennsylvania Avenue NW", "Elm St",
        "Calle Luna", "Harbor View Road", "Queens Blvd"};
    private static final String[] STATES = {"IL", "ma", "TX", "PR", "GU", "New York", "CA", "VI", "AE"};

    private InspectionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_280_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("safegate-inspect-bench");
        Path requests = dir.resolve("requests.csv");
        generate(requests, records);
        System.out.printf("generated %,d records, %,d bytes%n", records, Files.size(requests));
        RequestInspector inspector = new RequestInspector(
                InspectionSettings.DEFAULTS.withAllowedStatutes(List.of("8 U.S.C. 1253(a)(1)")),
                new Discard());
        InspectionContext context = new InspectionContext(agreement(), Instant.parse("2026-03-01T10:00:00Z"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            InspectionResult result = inspector.inspect(requests, context, dir.resolve("passed.csv"),
                    dir.resolve("rejected.csv"));
            double seconds = (System.nanoTime() - start) / 1e9;
            // on a shared machine the wall time depends on the other load; the thread's CPU time much less
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("run %d: %,d records in %.2f s = %,.0f records/s; CPU %.2f s = %,.0f records/CPU-s"
                    + " (passed %,d, refused %,d, %s)%n", run, result.arrived(), seconds, result.arrived() / seconds,
                    cpu, result.arrived() / cpu, result.passed(), result.refused(), result.refusedByReason());
        }
        for (String name : new String[] {"requests.csv", "passed.csv", "rejected.csv"}) {
            Files.deleteIfExists(dir.resolve(name));
        }
        Files.deleteIfExists(dir);
    }

    static void generate(Path file, int records) throws IOException {
        generate(file, records, false);
    }

    /** With {@code randomIds}, the request ids come in random order, as a requester's extract may list them. */
    static void generate(Path file, int records, boolean randomIds) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int[] ids = java.util.stream.IntStream.range(0, records).toArray();
        if (randomIds) {
            SplittableRandom shuffle = new SplittableRandom(11);
            for (int i = records - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int swap = ids[i];
                ids[i] = ids[j];
                ids[j] = swap;
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (int i = 0; i < records; i++) {
                String[] f = {
                    "REQ-" + ids[i],
                    FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                    (1 + random.nextInt(9999)) + " " + STREETS[random.nextInt(STREETS.length)]
                            + (random.nextInt(5) == 0 ? " Apt. " + random.nextInt(300) : ""),
                    "Springfield",
                    STATES[random.nextInt(STATES.length)],
                    random.nextBoolean() ? String.format("%05d", random.nextInt(100000))
                            : String.format("%05d-%04d", random.nextInt(100000), random.nextInt(10000)),
                    random.nextBoolean() ? "2023" : "2019-2021",
                    random.nextInt(3) == 0 ? "8 U.S.C. 1253(a)(1)" : "26 U.S.C. 6103(i)(2)",
                    random.nextInt(100) == 0 ? "Subject of a criminal immigration investigation"
                            : "Named in affidavit " + i + " of case 2025-CR-" + (i % 977),
                    "SA Jane Agent, HSI Chicago"};
                defect(f, random.nextInt(200));
                out.write(csv(f));
                out.write("\r\n");
            }
        }
    }

    /** About 6% of the records get one defect of each kind. */
    private static void defect(String[] f, int dice) {
        switch (dice) {
            case 0 -> f[1] = "";
            case 1 -> f[2] = "Main Street";
            case 2 -> f[4] = "XX";
            case 3 -> f[5] = "1234";
            case 4 -> f[6] = "";
            case 5 -> f[6] = "2031";
            case 6 -> f[7] = "";
            case 7 -> f[7] = "8 U.S.C. 1357";
            case 8 -> f[8] = "";
            case 9 -> f[9] = "";
            case 10 -> f[0] = "REQ-1";
            case 11 -> f[3] = "";
            default -> { }
        }
    }

    private static String csv(String[] fields) {
        StringBuilder line = new StringBuilder(200);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = fields[i];
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }

    private static Agreement agreement() {
        return new Agreement("IRS-ICE-2025", "IRS", "ICE", "26 U.S.C. 6103(i)(2)", "benchmark",
                List.of("last-known-address"), LocalDate.of(2025, 4, 7), Optional.of(LocalDate.of(2028, 4, 7)),
                List.of(), Optional.of("irc-6103-i-2"), new Source(Path.of("bench.yaml"), 1, Map.of()));
    }

    /** Outcomes are not stored: the benchmark measures inspection, not a ledger. */
    private static final class Discard implements PassedRequests {
        @Override
        public void record(RequestOutcome outcome) {
            // discarded on purpose
        }

        @Override
        public Optional<RequestOutcome> find(String agreementId, String requestId) {
            return Optional.empty();
        }
    }
}
