package org.safegate.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.safegate.policy.Decision;
import org.safegate.policy.InMemoryRevocations;
import org.safegate.policy.PemCertificateCheck;
import org.safegate.policy.RecallObligations;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.TransferRequest;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Reference;
import org.safegate.policy.model.Review;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Source;
import org.safegate.policy.model.Ssr;

/**
 * Transfer decisions through the Shiro gate with 1,000 agencies and 10,000 agreements, one thread.
 * Throughput gives decisions per second; sample time gives the latency percentiles (p99).
 * One agency in ten is not current, so denials (with their reason sentences) are in the mix.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DecisionBenchmark {
    private static final int AGENCIES = 1_000;
    private static final int AGREEMENTS = 10_000;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private SafeguardGate gate;
    private TransferRequest[] requests;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("safegate-bench");
        Path certificate = writeCertificate(dir.resolve("agency.crt"));
        SplittableRandom random = new SplittableRandom(42);
        List<Agency> agencies = new ArrayList<>();
        List<Safeguards> safeguards = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            String id = "AG" + i;
            agencies.add(new Agency(id, "Agency " + i, new Reference(certificate.toString()), Optional.empty(),
                    Endpoint.directory("out/" + id), Endpoint.directory("in/" + id), source()));
            safeguards.add(safeguards(id, i % 10 == 0));
        }
        List<Agreement> agreements = new ArrayList<>();
        requests = new TransferRequest[AGREEMENTS];
        for (int i = 0; i < AGREEMENTS; i++) {
            String provider = "AG" + random.nextInt(AGENCIES);
            String recipient = "AG" + ((i % AGENCIES + (provider.equals("AG" + i % AGENCIES) ? 1 : 0)) % AGENCIES);
            String id = "AGR-" + i;
            agreements.add(new Agreement(id, provider, recipient, "26 U.S.C. 6103(i)(2)", "benchmark",
                    List.of("last-known-address", "return-information"), DAY.minusYears(1),
                    Optional.of(DAY.plusYears(1)), List.of(), Optional.empty(), source()));
            requests[i] = TransferRequest.disclosure(provider, id, "last-known-address", DAY);
        }
        for (int i = requests.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            TransferRequest swap = requests[i];
            requests[i] = requests[j];
            requests[j] = swap;
        }
        PolicySet policies = new PolicySet(agencies, agreements, safeguards, List.of());
        gate = SafeguardGate.create(() -> policies, SafeguardSettings.DEFAULTS, new InMemoryRevocations(),
                RecallObligations.NONE, PemCertificateCheck.forTransfers(dir));
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Decision decisionsPerSecond() {
        return decideNext();
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision decisionLatency() {
        return decideNext();
    }

    private Decision decideNext() {
        TransferRequest request = requests[next];
        next = (next + 1) % requests.length;
        return gate.decide(request);
    }

    private static Safeguards safeguards(String agency, boolean lapsed) {
        List<Finding> findings = List.of(
                new Finding("F-1", Severity.MODERATE, LocalDate.of(2025, 6, 1), Optional.empty()),
                new Finding("F-2", Severity.LOW, LocalDate.of(2025, 6, 1), Optional.of(LocalDate.of(2025, 9, 1))));
        Optional<LocalDate> itemDate = lapsed ? Optional.empty() : Optional.of(LocalDate.of(2026, 6, 30));
        Cap cap = new Cap(LocalDate.of(2025, 7, 1), Optional.of(LocalDate.of(2025, 12, 1)),
                List.of(new CapItem("F-1", "Fix access control", itemDate),
                        new CapItem("F-2", "Rotate keys", Optional.of(LocalDate.of(2025, 8, 30)))));
        return new Safeguards(agency, Optional.of(new Review("R-" + agency, LocalDate.of(2025, 6, 1))),
                List.of(new Ssr(2024, LocalDate.of(2025, 1, 20)), new Ssr(2025, LocalDate.of(2026, 1, 20))),
                findings, Optional.of(cap), source());
    }

    private static Source source() {
        return new Source(Path.of("bench.yaml"), 1, Map.of());
    }

    private static Path writeCertificate(Path file) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=benchmark agency");
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(DAY.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Date.from(DAY.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant()), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(holder);
            }
            return Files.writeString(file, pem.toString());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the benchmark certificate", e);
        }
    }
}
