package org.safegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.config.Settings;
import org.safegate.app.Gateway;
import org.safegate.app.GatewayRunner;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;

/**
 * Links in an outbox as the running gateway's routes find them (Camel's file consumer lists the
 * outboxes). The consumer neither lists nor marks anything behind a link: the link itself is
 * quarantined {@code LINK_REFUSED}, and the folder it points to is left exactly as it was.
 */
class OutboxLinkRoutesTest {
    private static final byte[] KEY = "-----BEGIN PRIVATE KEY-----\nnot for DOJ\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspace;
    private Gateway gateway;
    private Path secrets;
    private Path key;

    @BeforeEach
    void open() throws IOException {
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("policies"), workspace.resolve("policies"));
        TestFiles.copyTree(TestFiles.repositoryRoot().resolve("keys-example"), workspace.resolve("keys-example"));
        secrets = Files.createDirectories(workspace.resolve("gateway"));
        key = secrets.resolve("audit.key");
        Files.write(key, KEY);
        TestFiles.backdate(key, Duration.ofSeconds(5));
        gateway = Gateway.open(Settings.of(Map.of("safegate.keys", "file:keys-example")), Map.of(), workspace,
                TestClocks.runningFromCaseDay());
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void aSymlinkedAgreementFolderFoundByTheRoutesIsQuarantinedAndTheKeyIsNeitherSealedNorMoved() throws IOException {
        Path outbox = Files.createDirectories(workspace.resolve("work/IRS/outbox"));
        Files.createSymbolicLink(outbox.resolve("IRS-DOJ-2024"), secrets);

        List<Path> held = new GatewayRunner(gateway).runOnce(Duration.ofSeconds(60));

        assertThat(held).isEmpty();
        assertLinkQuarantinedAndKeyUntouched();
        assertThat(files(outbox)).isEmpty();
    }

    @Test
    void aSymlinkedOutboxRootFoundByTheRoutesIsQuarantinedAndTheKeyIsNeitherSealedNorMoved() throws IOException {
        Files.createDirectories(secrets.resolve("IRS-DOJ-2024"));
        Files.move(key, secrets.resolve("IRS-DOJ-2024/audit.key"));
        key = secrets.resolve("IRS-DOJ-2024/audit.key");
        Path outbox = workspace.resolve("work/IRS/outbox");
        Files.createDirectories(outbox.getParent());
        Files.createSymbolicLink(outbox, secrets);

        List<Path> held = new GatewayRunner(gateway).runOnce(Duration.ofSeconds(60));

        assertThat(held).isEmpty();
        assertLinkQuarantinedAndKeyUntouched();
        assertThat(Files.isDirectory(outbox, LinkOption.NOFOLLOW_LINKS)).as("a plain folder again").isTrue();
    }

    private void assertLinkQuarantinedAndKeyUntouched() throws IOException {
        List<AuditEvent> quarantined = events(AuditEventType.TRANSFER_QUARANTINED);
        assertThat(quarantined).hasSize(1);
        AuditEntry event = quarantined.get(0).entry();
        assertThat(event.reasonCodes()).containsExactly("LINK_REFUSED");
        assertThat(event.payloadDigest()).isNull();
        Path kept = workspace.resolve("data/quarantine").resolve(event.transferId()).resolve("original");
        assertThat(Files.isSymbolicLink(kept)).isTrue();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(key).hasBinaryContent(KEY);
        // nothing was written beside the key either (no read-lock marker, no sealed copy)
        assertThat(files(secrets)).containsExactly(key);
        assertThat(files(workspace.resolve("work/DOJ"))).isEmpty();
    }

    private List<AuditEvent> events(AuditEventType type) {
        return new AuditStore(gateway.database()).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            // the audit checkpoints the gateway hands every inbox are not deliveries
            return all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().endsWith(".checkpoint")).sorted().toList();
        }
    }
}
