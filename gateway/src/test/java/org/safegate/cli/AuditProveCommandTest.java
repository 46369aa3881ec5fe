package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safegate.audit.AuditEntries;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import picocli.CommandLine;

/**
 * {@code audit prove} writes a proof that an implementation of the auditor's own checks: the
 * short Python script in docs/examples, with {@code openssl dgst} for the signature.
 */
class AuditProveCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path populate(TestAuditKeys keys) throws IOException {
        keys.writeTo(dir.resolve("keys"));
        Path config = Files.writeString(dir.resolve("application.properties"), "safegate.data=" + dir.resolve("data")
                + "\nsafegate.keys=file:" + dir.resolve("keys") + "\n");
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")));
             JdbcAuditLog log = new JdbcAuditLog(database, keys.treeSigner(), AuditSettings.DEFAULTS,
                     TestClocks.runningFromCaseDay())) {
            for (int i = 1; i <= 23; i++) {
                log.append(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", i));
            }
        }
        return config;
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Check check(Path proof, Path certificate) throws IOException, InterruptedException {
        Path script = TestFiles.repositoryRoot().resolve("docs/examples/check-proof.py");
        Process process = new ProcessBuilder("python3", script.toString(), proof.toString(), certificate.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Check(process.exitValue(), output);
    }

    private record Check(int exit, String output) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ec"})
    void aProofChecksOutWithAnIndependentScriptAndOpenssl(String algorithm) throws Exception {
        TestAuditKeys keys = algorithm.equals("rsa") ? TestAuditKeys.rsa() : TestAuditKeys.ec();
        Path config = populate(keys);
        Path proof = dir.resolve("t-7.proof.json");
        assertThat(run("audit", "prove", "t-7", "--out", proof.toString(), "--config", config.toString()))
                .as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(proof.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("transfer", "leafIndex", "treeSize", "leafHash",
                "path", "rootHash", "canonical", "checkpoint");
        assertThat(json.path("leafIndex").asLong()).isEqualTo(6);
        assertThat(json.path("treeSize").asLong()).isEqualTo(23);
        assertThat(json.path("rootHash").asText()).matches("[0-9a-f]{64}");

        Path certificate = dir.resolve("keys/gateway/audit.crt");
        Check good = check(proof, certificate);
        assertThat(good.exit()).as(good.output()).isZero();
        assertThat(good.output()).contains("event 7 (TRANSFER_DELIVERED, transfer t-7) is in the signed tree of 23");

        ObjectNode altered = (ObjectNode) json.deepCopy();
        ArrayNode path = (ArrayNode) altered.path("path");
        path.set(1, path.get(0));
        Files.writeString(proof, altered.toString());
        Check bad = check(proof, certificate);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.output()).contains("NOT PROVEN: the path does not lead to rootHash");

        Files.writeString(proof, json.toString());
        Path other = TestAuditKeys.ec().writeTo(dir.resolve("other")).resolve("gateway/audit.crt");
        Check otherKey = check(proof, other);
        assertThat(otherKey.exit()).isEqualTo(1);
        assertThat(otherKey.output()).contains("does not verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t-99"})
    void anUnknownTransferIsAnInputError(String transfer) throws Exception {
        Path config = populate(TestAuditKeys.ec());
        assertThat(run("audit", "prove", transfer, "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no audit event for transfer 't-99'");
    }
}
