package org.safegate.app;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.ApiGateway;
import org.safegate.config.Settings;
import org.safegate.testing.TestClocks;

/** A running gateway follows an outbox an administrator moved in the policies, without a restart. */
class OutboxRoutesReloadTest {
    @TempDir
    Path workspace;

    @Test
    void aFileInAnOutboxMovedByAPolicyChangeIsDeliveredWithoutARestart() throws Exception {
        ApiGateway.copyExamples(workspace);
        Settings settings = Settings.of(Map.of("safegate.keys", "file:keys-example", "safegate.api.port", "0"));
        try (Gateway gateway = Gateway.open(settings, Map.of(), workspace, TestClocks.runningFromCaseDay());
             AutoCloseable running = new GatewayRunner(gateway).start(Duration.ofSeconds(60))) {
            Path policy = workspace.resolve("policies/agencies/irs.yaml");
            Files.writeString(policy, Files.readString(policy)
                    .replace("path: work/IRS/outbox", "path: work/IRS/outbox-2026"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> gateway.outboxes().get("IRS").endsWith(Path.of("work/IRS/outbox-2026")));

            drop(workspace.resolve("work/IRS/outbox-2026/IRS-DOJ-2024"), "returns.csv");

            Path delivered = workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024/returns.csv.p7m");
            Path receipt = workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024/returns.csv.delivered.json");
            Path original = workspace.resolve("work/IRS/outbox-2026/IRS-DOJ-2024/returns.csv");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(delivered) && Files.exists(receipt) && !Files.exists(original));
        }
    }

    /** As a sender does: written under a hidden name, then renamed. */
    private static void drop(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name);
        Files.writeString(hidden, "tin,name\n123456789,Jane Doe\n");
        Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
