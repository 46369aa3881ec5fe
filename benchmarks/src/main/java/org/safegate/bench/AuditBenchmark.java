package org.safegate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CanonicalEncoding;
import org.safegate.audit.ChainInput;
import org.safegate.audit.ChainVerifier;
import org.safegate.audit.JcaCheckpointSigner;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.JsonlExport;
import org.safegate.audit.JsonlExportReader;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.audit.VerificationResult;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.tlog.CompactRange;
import org.safegate.tlog.TreeHashes;
import org.safegate.tlog.TreeHead;

/**
 * Durable audit appends per second (1 and 4 writers, the embedded SQLite store and PostgreSQL with
 * synchronous_commit=on) and verification speed over 1,000,000 events. Not a JMH benchmark: each
 * figure is one timed run after a warm-up, which is what a throughput of durable commits needs.
 *
 * <pre>./mvnw -q -B -Pbench -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar org.safegate.bench.AuditBenchmark [appends] [verifyEvents]</pre>
 */
public final class AuditBenchmark {
    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int verifyEvents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        X509Certificate certificate = certificate(pair);
        TreeHeadSigner signer = new TreeHeadSigner(new JcaCheckpointSigner(pair.getPrivate(), certificate), certificate,
                AuditSettings.DEFAULT_ORIGIN);
        ChainVerifier verifier = new ChainVerifier(certificate);
        Path work = Files.createTempDirectory("safegate-audit-bench");
        System.out.printf("durable appends/s (%d appends per run, a signed checkpoint every commit)%n", appends);
        int run = 0;
        for (int writers : new int[] {1, 4}) {
            try (Database embedded = Database.open(DatabaseSettings.embedded(work.resolve("sqlite-" + run++)))) {
                report("SQLite", writers, appends, embedded, signer);
            }
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on").start()) {
            for (int writers : new int[] {1, 4}) {
                try (Database postgres = Database.open(new DatabaseSettings(pg.getJdbcUrl("postgres", "postgres"),
                        Optional.of("postgres"), Optional.empty()))) {
                    report("PostgreSQL", writers, appends, postgres, signer);
                }
                try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                    s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                }
            }
        }
        verifyInMemory(verifyEvents, signer, verifier);
        verifyStoreAndExport(verifyEvents, work.resolve("sqlite-verify"), signer, verifier);
        deleteRecursively(work); // a million events take over a gigabyte
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void report(String store, int writers, int appends, Database database, TreeHeadSigner signer)
            throws Exception {
        try (JdbcAuditLog log = new JdbcAuditLog(database, signer, AuditSettings.DEFAULTS, Clock.systemUTC())) {
            blocking(log, writers, Math.min(appends / 10, 1000)); // warm-up
            long start = System.nanoTime();
            blocking(log, writers, appends);
            double blockingRate = appends / seconds(start);
            start = System.nanoTime();
            pipelined(log, writers, appends, 256);
            double pipelinedRate = appends / seconds(start);
            System.out.printf("  %-10s %d writer%s: %,8.0f/s blocking append(), %,8.0f/s appendAsync() with 256 in flight per writer%n",
                    store, writers, writers == 1 ? " " : "s", blockingRate, pipelinedRate);
        }
    }

    private static void blocking(JdbcAuditLog log, int writers, int appends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = writer; i < appends; i += writers) {
                    log.append(entry(i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void pipelined(JdbcAuditLog log, int writers, int appends, int window) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                // completed appends are not kept: each carries its inclusion proof, a million of them fill the heap
                Semaphore inFlight = new Semaphore(window);
                java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
                for (int i = writer; i < appends; i += writers) {
                    inFlight.acquireUninterruptibly();
                    log.appendAsync(entry(i)).whenComplete((r, e) -> {
                        if (e != null) {
                            failed.compareAndSet(null, e);
                        }
                        inFlight.release();
                    });
                }
                inFlight.acquireUninterruptibly(window);
                if (failed.get() != null) {
                    throw new IllegalStateException("an append failed", failed.get());
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Events and checkpoints as a log committed 256 at a time would hold them, verified from memory. */
    private static void verifyInMemory(int count, TreeHeadSigner signer, ChainVerifier verifier) {
        List<AuditEvent> events = new ArrayList<>(count);
        List<String> notes = new ArrayList<>();
        CompactRange tree = new CompactRange();
        String prev = CanonicalEncoding.GENESIS;
        Instant time = Instant.parse("2025-06-01T00:00:00Z");
        long previous = 0;
        for (int i = 1; i <= count; i++) {
            AuditEvent draft = new AuditEvent(i, time, entry(i), prev, "");
            byte[] canonical = CanonicalEncoding.encode(draft);
            AuditEvent event = new AuditEvent(i, time, draft.entry(), prev, CanonicalEncoding.sha256(canonical));
            events.add(event);
            tree.append(TreeHashes.leaf(canonical));
            prev = event.hash();
            if (i % 256 == 0 || i == count) {
                notes.add(signer.sign(new TreeHead(signer.origin(), i, tree.root(), List.of("time "
                        + CanonicalEncoding.formatTime(time), "previous " + previous))).format());
                previous = i;
            }
        }
        verifier.verify(ChainInput.of(events.iterator(), notes.iterator())); // warm-up: the figure below is for compiled code
        long start = System.nanoTime();
        VerificationResult result = verifier.verify(ChainInput.of(events.iterator(), notes.iterator()));
        System.out.printf("verify %,d events in memory:   %,10.0f events/s (%s, %d checkpoint signatures)%n", count,
                count / seconds(start), result.isIntact() ? "intact" : result.problem().get(), result.checkpoints());
    }

    private static void verifyStoreAndExport(int count, Path dir, TreeHeadSigner signer, ChainVerifier verifier)
            throws Exception {
        try (Database embedded = Database.open(DatabaseSettings.embedded(dir));
             JdbcAuditLog log = new JdbcAuditLog(embedded, signer, AuditSettings.DEFAULTS, Clock.systemUTC())) {
            long start = System.nanoTime();
            pipelined(log, 1, count, 4096);
            System.out.printf("fill SQLite with %,d events:        %,10.0f durable appends/s (1 writer, appendAsync, 4096 in flight)%n",
                    count, count / seconds(start));
            AuditStore store = new AuditStore(embedded);
            store.verify(verifier); // warm-up
            start = System.nanoTime();
            VerificationResult result = store.verify(verifier);
            System.out.printf("verify %,d events from SQLite: %,10.0f events/s (%s, %,d checkpoints)%n", count,
                    count / seconds(start), result.isIntact() ? "intact" : result.problem().get(), result.checkpoints());
            prove(store, count);
            Path export = dir.resolve("export.jsonl");
            try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
                new JsonlExport(store, signer, Clock.systemUTC()).write(AuditQuery.ALL, out, n -> { });
            }
            new JsonlExportReader().verify(export, verifier); // warm-up
            start = System.nanoTime();
            result = new JsonlExportReader().verify(export, verifier);
            System.out.printf("verify %,d events from JSONL:  %,10.0f events/s (%s, %,d MB)%n", count,
                    count / seconds(start), result.isIntact() ? "intact" : result.problem().get(),
                    Files.size(export) >> 20);
        }
    }

    /** Inclusion proofs of random events of the full store, from the store, each timed. */
    private static void prove(AuditStore store, int count) {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            store.prove("bench-" + (1 + random.nextInt(count))); // warm-up
        }
        int proofs = 1000;
        long slowest = 0;
        long start = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            long one = System.nanoTime();
            store.prove("bench-" + (1 + random.nextInt(count)));
            slowest = Math.max(slowest, System.nanoTime() - one);
        }
        System.out.printf("prove one event of %,d from SQLite: %,6.2f ms on average, %,6.2f ms the slowest of %d%n",
                count, (System.nanoTime() - start) / 1e6 / proofs, slowest / 1e6, proofs);
    }

    private static AuditEntry entry(int i) {
        return AuditEntry.builder(AuditEventType.TRANSFER_DELIVERED, "IRS").origin("outbox:IRS")
                .object("addresses-" + i + ".csv").transferId("bench-" + i).provider("IRS").recipient("DOJ")
                .agreement("IRS-DOJ-2024").authority("26 U.S.C. 6103(i)(2)").category("last-known-address")
                .payloadDigest("sha256:" + "ab".repeat(32)).size(4096L).recordCount(40L).decision("permit").build();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static X509Certificate certificate(KeyPair pair) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        X500Name name = new X500Name("CN=audit benchmark");
        Instant now = Instant.now();
        var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
