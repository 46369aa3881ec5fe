package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/**
 * The gateway with its store in a real PostgreSQL (started by the test), and a recipient with
 * nothing but OpenSSL: the delivered file is decrypted and its signature verified by
 * {@code openssl cms}, as a partner agency would.
 */
class PostgresExchangeIT {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path workspace;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    @DisplayName("The IRS sends a file to DOJ through a gateway on PostgreSQL. Result: DOJ opens it with OpenSSL alone;"
            + " the audit log in PostgreSQL verifies.")
    void theIrsSendsAFileThroughAGatewayOnPostgres_resultDojOpensItWithOpenSslAndTheAuditLogVerifies()
            throws Exception {
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(SafegateProcess.ROOT.resolve("keys-example"), workspace.resolve("keys-example"));
        Files.writeString(workspace.resolve("application.properties"), String.join("\n",
                "safegate.keys=file:keys-example",
                "safegate.db.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "safegate.db.user=postgres", ""));
        byte[] content = "tin,name,address\n123456789,Jane Roe,1 Main St\n".getBytes(StandardCharsets.UTF_8);
        Path file = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024/addresses.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(10));

        SafegateProcess.Result run = SafegateProcess.jar(workspace, "run", "--once");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(workspace.resolve("data/store")).doesNotExist();
        Path sealed = workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024/addresses.csv.p7m");
        Path keys = workspace.resolve("keys-example");
        Path signed = workspace.resolve("signed.der");
        Path plain = workspace.resolve("plain.csv");
        openssl("cms", "-decrypt", "-inform", "DER", "-in", sealed.toString(), "-recip",
                keys.resolve("agencies/DOJ/encrypt.crt").toString(), "-inkey",
                keys.resolve("agencies/DOJ/encrypt.key").toString(), "-out", signed.toString());
        openssl("cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-CAfile",
                keys.resolve("ca/ca.crt").toString(), "-binary", "-out", plain.toString());
        assertThat(plain).hasBinaryContent(content);

        SafegateProcess.Result verify = SafegateProcess.jar(workspace, "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("intact");
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }
}
