package org.safegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.admin.ApiGateway;
import org.safegate.config.Settings;
import org.safegate.testing.TestClocks;

/** A gateway started over a journal that an earlier snapshot left a SEALED transfer in. */
class EarlierJournalStartTest {
    @TempDir
    Path workspace;

    @Test
    void theRunIsRefusedBeforeAnyOutboxIsPolledAndNothingIsTaken() throws Exception {
        ApiGateway.copyExamples(workspace);
        Path waiting = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024/returns.csv");
        Files.createDirectories(waiting.getParent());
        Files.writeString(waiting, "tin,name\n123456789,Jane Doe\n");
        Settings settings = Settings.of(Map.of("safegate.keys", "file:keys-example"));
        try (Gateway gateway = Gateway.open(settings, Map.of(), workspace, TestClocks.runningFromCaseDay())) {
            try (Connection c = gateway.database().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO transfer_journal (transfer_id, sender, source_path, source_size,"
                        + " source_modified, agreement, recipient, payload_sha256, state, delivered_as, updated_at)"
                        + " VALUES ('t-old', 'IRS', 'IRS-DOJ-2024/old.csv', 10, 20, 'IRS-DOJ-2024', 'DOJ', '"
                        + "a".repeat(64) + "', 'SEALED', NULL, 1)");
            }

            assertThatThrownBy(() -> new GatewayRunner(gateway).runOnce(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(SafegateException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_OF_EARLIER_VERSION);
                        assertThat(e.getMessage()).contains("t-old", "IRS-DOJ-2024/old.csv");
                    });

            assertThat(waiting).as("the outbox was not polled").exists();
            assertThat(workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024")).doesNotExist();
        }
    }
}
