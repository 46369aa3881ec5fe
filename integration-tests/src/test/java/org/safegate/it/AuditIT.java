package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;

/** An auditor runs the built gateway's audit commands on a store, and verifies an export on another machine. */
class AuditIT {
    @TempDir
    Path dir;
    private Path config;
    private Path certificate;

    @BeforeEach
    void gatewayWithAnAuditLog() throws Exception {
        Path keys = writeKeys(dir.resolve("keys"));
        certificate = keys.resolve("gateway/audit.crt");
        config = Files.writeString(dir.resolve("application.properties"), "safegate.data=" + dir.resolve("data")
                + "\nsafegate.keys=file:" + keys + "\n");
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")));
             JdbcAuditLog log = new JdbcAuditLog(database, AuditKeys.from(org.safegate.keys.KeyProviders.fromSpec("file:" + keys, dir))
                     .treeSigner(AuditSettings.DEFAULTS.origin()),
                     AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay())) {
            for (int i = 1; i <= 10; i++) {
                log.append(AuditEntry.builder(AuditEventType.TRANSFER_DELIVERED, "IRS").transferId("t-" + i)
                        .provider("IRS").recipient("DOJ").agreement("IRS-DOJ-2024").recordCount((long) i)
                        .decision("permit").build());
            }
        }
    }

    @Test
    void verifyExportAndVerifyTheExportOfflineThenDetectTampering() throws Exception {
        SafegateProcess.Result verify = SafegateProcess.jar(dir, "audit", "verify", "--config", config.toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intact").contains("10 events");

        Path export = dir.resolve("audit.jsonl");
        SafegateProcess.Result exported = SafegateProcess.jar(dir, "audit", "export", "--format", "jsonl",
                "--out", export.toString(), "--config", config.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();

        Path elsewhere = Files.createDirectories(dir.resolve("auditor"));
        SafegateProcess.Result offline = SafegateProcess.jar(elsewhere, "audit", "verify", "--file", export.toString(),
                "--cert", certificate.toString());
        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(elsewhere.resolve("data")).doesNotExist();

        List<String> lines = Files.readAllLines(export);
        Files.write(export, lines.stream().map(l -> l.replace("\"transfer\":\"t-6\"", "\"transfer\":\"t-X\"")).toList());
        SafegateProcess.Result tampered = SafegateProcess.jar(elsewhere, "audit", "verify", "--file",
                export.toString(), "--cert", certificate.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out()).contains("event 6: altered");

        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")));
             Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_event WHERE seq = 3");
        }
        SafegateProcess.Result store = SafegateProcess.jar(dir, "audit", "verify", "--config", config.toString());
        assertThat(store.exit()).isEqualTo(1);
        assertThat(store.out()).contains("event 3: removed");
    }

    /**
     * The standalone verifier jar, with no gateway inside, verifies the gateway's export and a
     * proof, and finds the same tampering.
     */
    @Test
    void theStandaloneVerifierJarChecksExportsAndProofsWithoutTheGateway() throws Exception {
        Path jar = SafegateProcess.ROOT.resolve("audit-verifier/target/safegate-audit-verifier.jar");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).as("nothing of the gateway's runtime")
                    .noneMatch(name -> name.startsWith("org/apache/camel/") || name.startsWith("org/apache/shiro/")
                            || name.startsWith("org/apache/sshd/") || name.startsWith("org/sqlite/")
                            || name.startsWith("org/postgresql/") || name.startsWith("org/flywaydb/")
                            || name.startsWith("org/safegate/store/") || name.startsWith("org/safegate/cli/"));
        }
        Path export = dir.resolve("audit.jsonl");
        assertThat(SafegateProcess.jar(dir, "audit", "export", "--format", "jsonl", "--out", export.toString(),
                "--config", config.toString()).exit()).isZero();
        Path proof = dir.resolve("t-4.json");
        assertThat(SafegateProcess.jar(dir, "audit", "prove", "t-4", "--out", proof.toString(),
                "--config", config.toString()).exit()).isZero();

        Path elsewhere = Files.createDirectories(dir.resolve("auditor"));
        SafegateProcess.Result verified = standalone(elsewhere, jar, "export", export.toString(), "--cert",
                certificate.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("intact").contains("10 events");
        SafegateProcess.Result proven = standalone(elsewhere, jar, "proof", proof.toString(), "--cert",
                certificate.toString());
        assertThat(proven.exit()).as(proven.err()).isZero();
        assertThat(proven.out()).contains("event 4 (transfer t-4) is in the signed tree of 10 events");

        List<String> lines = Files.readAllLines(export);
        Files.write(export, lines.subList(0, lines.size() - 1));
        SafegateProcess.Result cut = standalone(elsewhere, jar, "export", export.toString(), "--cert",
                certificate.toString());
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.out()).startsWith("TRUNCATED: ");
    }

    private static SafegateProcess.Result standalone(Path workingDir, Path jar, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return SafegateProcess.run(workingDir, command);
    }

    private static Path writeKeys(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Safegate IT audit");
        Instant now = TestClocks.CASE_DAY;
        var certificate = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        Path gateway = Files.createDirectories(dir.resolve("gateway"));
        StringWriter key = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(key)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
        Files.writeString(gateway.resolve("audit.key"), key.toString());
        StringWriter cert = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(cert)) {
            writer.writeObject(certificate);
        }
        Files.writeString(gateway.resolve("audit.crt"), cert.toString());
        return dir;
    }
}
