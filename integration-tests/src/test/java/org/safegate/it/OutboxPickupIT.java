package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.KeyProviders;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;

/**
 * How the running gateway picks files up from an outbox: a file still being written under its
 * final name is left alone until it has stopped changing, and an empty file is quarantined with a
 * receipt rather than waited on forever.
 */
class OutboxPickupIT {
    @TempDir
    Path workspace;

    @Test
    @DisplayName("The IRS writes a file slowly under its final name while the gateway runs. Result: nothing is taken"
            + " while it grows; once complete it is delivered whole.")
    void theIrsWritesAFileSlowly_resultItIsDeliveredWholeOnceComplete() throws Exception {
        prepareWorkspace();
        Path file = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024/slow.csv");
        Files.createDirectories(file.getParent());
        Path delivered = workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024/slow.csv.p7m");
        ByteArrayBuilder written = new ByteArrayBuilder();

        Process gateway = start();
        try {
            // the gateway is up and polling once a first, complete file has gone through
            Files.write(file.resolveSibling("first.csv"), "tin,name,address\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(delivered.resolveSibling("first.csv.p7m")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                for (int chunk = 0; chunk < 6; chunk++) {
                    byte[] part = ("tin,name,address,chunk " + chunk + "\n").getBytes(StandardCharsets.UTF_8);
                    out.write(part);
                    out.flush();
                    written.add(part);
                    // the writer pauses mid-file (shorter than the read lock's minimum age): nothing may go
                    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                            .until(() -> !Files.exists(delivered) && Files.exists(file));
                }
            }
            // the receipt (and its signature) is the transfer's last step
            Path receipt = workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024/slow.csv.delivered.json.p7s");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(delivered) && Files.exists(receipt));
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(openAsDoj(delivered)).isEqualTo(written.bytes());
        assertThat(workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024/slow.csv.delivered.json")).isNotEmptyFile();
    }

    @Test
    @DisplayName("The IRS drops an empty file while the gateway runs. Result: quarantined EMPTY_FILE with a receipt.")
    void theIrsDropsAnEmptyFile_resultQuarantinedWithAReceipt() throws Exception {
        prepareWorkspace();
        Path file = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024/empty.csv");
        Files.createDirectories(file.getParent());
        Path receipt = workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024/empty.csv.quarantined.json");

        Process gateway = start();
        try {
            Files.createFile(file);
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt.resolveSibling(
                    receipt.getFileName() + ".p7s")));
        } finally {
            gateway.destroy();
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(Files.readString(receipt)).contains("EMPTY_FILE");
        assertThat(file).doesNotExist();
    }

    private void prepareWorkspace() throws IOException {
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(SafegateProcess.ROOT.resolve("keys-example"), workspace.resolve("keys-example"));
        // a gateway run without --once serves the admin API unless told not to; these tests do not use it
        Files.writeString(workspace.resolve("application.properties"),
                "safegate.keys=file:keys-example\nsafegate.api.port=0\n");
    }

    private Process start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", SafegateProcess.JAR.toString(), "run"));
        return new ProcessBuilder(command).directory(workspace.toFile())
                .redirectOutput(workspace.resolve("gateway-out.txt").toFile())
                .redirectError(workspace.resolve("gateway-err.txt").toFile()).start();
    }

    private byte[] openAsDoj(Path sealed) throws IOException {
        KeyProvider keys = KeyProviders.fromSpec("file:keys-example", workspace);
        Opener opener = new Opener(keys.agencyEncryption("DOJ"), new CertificateVerifier(keys.trust()),
                TestClocks.caseDay());
        Path out = workspace.resolve("opened.csv");
        opener.open(sealed, out);
        return Files.readAllBytes(out);
    }

    /** The bytes written so far. */
    private static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        void add(byte[] part) {
            bytes.writeBytes(part);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
