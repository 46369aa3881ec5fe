package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/** A security officer revokes a single agreement from the command line while the gateway runs. */
class AgreementRevocationIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path workspace;

    @Test
    @DisplayName("The security officer revokes IRS-DOJ-2024 while the gateway runs, then reinstates it. Result: the next"
            + " IRS file to DOJ is denied with AGREEMENT_REVOKED, the one after reinstatement is delivered.")
    void theOfficerRevokesOneAgreementWhileTheGatewayRuns_resultTheNextFileIsDeniedAndAfterReinstatementDelivered()
            throws Exception {
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(SafegateProcess.ROOT.resolve("keys-example"), workspace.resolve("keys-example"));
        // the command line acts on the store directly here; the admin API (which needs TLS material) stays off
        Files.writeString(workspace.resolve("application.properties"), "safegate.keys=file:keys-example\n"
                + "safegate.api.port=0\n");
        Process gateway = start("run");
        try {
            drop("first.csv");
            Path receipts = workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024");
            await().atMost(PATIENCE).until(() -> Files.exists(receipts.resolve("first.csv.delivered.json")));

            SafegateProcess.Result revoked = SafegateProcess.jar(workspace, SafegateProcess.officer(), "agreement",
                    "revoke", "IRS-DOJ-2024",
                    "--reason", "court order under review");
            assertThat(revoked.exit()).as(revoked.out() + revoked.err()).isZero();
            drop("second.csv");
            await().atMost(PATIENCE).until(() -> Files.exists(receipts.resolve("second.csv.denied.json")));
            assertThat(Files.readString(receipts.resolve("second.csv.denied.json"))).contains("AGREEMENT_REVOKED");

            SafegateProcess.Result reinstated = SafegateProcess.jar(workspace, SafegateProcess.officer(), "agreement",
                    "reinstate", "IRS-DOJ-2024",
                    "--reason", "order confirmed");
            assertThat(reinstated.exit()).as(reinstated.out() + reinstated.err()).isZero();
            drop("third.csv");
            await().atMost(PATIENCE).until(() -> Files.exists(receipts.resolve("third.csv.delivered.json")));
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
        SafegateProcess.Result listed = SafegateProcess.jar(workspace, "audit", "list", "--agreement", "IRS-DOJ-2024");
        assertThat(listed.out()).contains("AGREEMENT_REVOKED").contains("AGREEMENT_REINSTATED").contains("officer");
        assertThat(SafegateProcess.jar(workspace, "audit", "verify").exit()).isZero();
    }

    private void drop(String name) throws IOException {
        Path file = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, ("tin,name,address\n123456789," + name + ",1 Main St\n").getBytes(StandardCharsets.UTF_8));
        TestFiles.backdate(file, Duration.ofSeconds(10));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", SafegateProcess.JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workspace.toFile())
                .redirectOutput(workspace.resolve("gateway-out.txt").toFile())
                .redirectError(workspace.resolve("gateway-err.txt").toFile()).start();
    }
}
