package org.safegate.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.audit.MutableClock;
import org.safegate.config.Settings;
import org.safegate.app.Gateway;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.TransferOutcome;

/**
 * The gateway's keys and DOJ's certificate come from Vault (the stand-in, over TLS). Vault being
 * unavailable decides nothing: the file is held and delivered once Vault answers again. Only
 * Vault's definite answer that the certificate does not exist denies it (CERT_MISSING).
 */
class VaultOutageTransferTest {
    private static final String DOJ_SECRET = "/v1/secret/data/safegate/agencies/DOJ";
    private static final byte[] ADDRESSES = "tin,name,address\n123456789,Jane Roe,1 Main St\n"
            .getBytes(StandardCharsets.UTF_8);
    private static TestTls tls;

    @TempDir
    Path workspace;
    private Path caPem;
    private VaultStandIn vault;
    private Gateway gateway;
    private final MutableClock clock = new MutableClock(TestClocks.CASE_DAY);

    @BeforeAll
    static void makeTls() throws Exception {
        tls = new TestTls();
    }

    @BeforeEach
    void startVaultAndGateway() throws Exception {
        Path root = TestFiles.repositoryRoot();
        TestFiles.copyTree(root.resolve("policies"), workspace.resolve("policies"));
        TestFiles.copyTree(root.resolve("keys-example"), workspace.resolve("keys-example"));
        Path doj = workspace.resolve("policies/agencies/doj.yaml");
        Files.writeString(doj, Files.readString(doj).replace("certificate: keys-example/agencies/DOJ/encrypt.crt",
                "certificate: vault:secret/safegate/agencies/DOJ#encrypt.crt"));
        caPem = tls.writeCaPem(workspace.resolve("vault-ca.pem"));
        vault = new VaultStandIn(tls.serverContext);
        vault.kv2Secret("/v1/secret/data/safegate/ca", Map.of("ca.crt", example("ca/ca.crt"),
                "ca.crl", example("ca/ca.crl")));
        vault.kv2Secret("/v1/secret/data/safegate/gateway", Map.of("sign.key", example("gateway/sign.key"),
                "sign.crt", example("gateway/sign.crt"), "audit.key", example("gateway/audit.key"),
                "audit.crt", example("gateway/audit.crt")));
        gateway = Gateway.open(Settings.of(Map.of("safegate.keys", "vault:secret/safegate",
                "safegate.vault.addr", vault.address(), "safegate.vault.ca", caPem.toString(),
                "safegate.vault.token", "env:SAFEGATE_TEST_VAULT_TOKEN")),
                Map.of("SAFEGATE_TEST_VAULT_TOKEN", "hvs.outage-token"), workspace, clock);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        vault.close();
    }

    @Test
    @DisplayName("Vault is sealed when DOJ's certificate is needed. Result: held, not denied; once Vault"
            + " answers, delivered.")
    void vaultIsSealedWhenDojCertificateIsNeeded_resultHeldThenDeliveredOnceVaultAnswers() throws Exception {
        vault.unavailable("GET", DOJ_SECRET);
        Path file = drop("a.csv");

        assertThat(process(file)).isEqualTo(TransferOutcome.HELD);

        assertThat(workspace.resolve("data/taken/IRS/IRS-DOJ-2024").resolve(file.getFileName()))
                .hasBinaryContent(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DENIED)).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_HELD)).singleElement()
                .satisfies(e -> assertThat(e.entry().change()).contains("503"));
        assertThat(workspace.resolve("work/IRS/inbox/receipts")).doesNotExist();
        assertThat(workspace.resolve("data/quarantine")).doesNotExist();

        vault.kv2Secret(DOJ_SECRET, Map.of("encrypt.crt", example("agencies/DOJ/encrypt.crt")));
        clock.advance(Duration.ofSeconds(3));

        assertThat(process(file)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(workspace.resolve("work/DOJ/inbox/IRS-DOJ-2024/a.csv.p7m")).isNotEmptyFile();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).hasSize(1);
        assertThat(events(AuditEventType.TRANSFER_DENIED)).isEmpty();
    }

    @Test
    @DisplayName("Vault refuses the gateway's token (expired or revoked). Result: held, not denied;"
            + " the audit log says 403.")
    void vaultRefusesTheGatewaysToken_resultHeldNotDenied() throws Exception {
        vault.kv2Secret(DOJ_SECRET, Map.of("encrypt.crt", example("agencies/DOJ/encrypt.crt")));
        vault.revoke("hvs.outage-token");
        Path file = drop("a.csv");

        assertThat(process(file)).isEqualTo(TransferOutcome.HELD);

        assertThat(workspace.resolve("data/taken/IRS/IRS-DOJ-2024").resolve(file.getFileName()))
                .hasBinaryContent(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DENIED)).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_HELD)).singleElement()
                .satisfies(e -> assertThat(e.entry().change()).contains("403").doesNotContain("hvs.outage-token"));
        assertThat(workspace.resolve("data/quarantine")).doesNotExist();
    }

    @Test
    @DisplayName("Vault answers that DOJ's certificate does not exist. Result: denied CERT_MISSING, kept in quarantine.")
    void vaultHasNoCertificateForDoj_resultDeniedCertMissing() throws Exception {
        Path file = drop("a.csv");

        assertThat(process(file)).isEqualTo(TransferOutcome.DENIED);

        List<AuditEvent> denied = events(AuditEventType.TRANSFER_DENIED);
        assertThat(denied).singleElement().satisfies(e -> assertThat(e.entry().reasonCodes()).contains("CERT_MISSING"));
        assertThat(workspace.resolve("data/quarantine").resolve(denied.get(0).entry().transferId()).resolve("original"))
                .hasBinaryContent(ADDRESSES);
        assertThat(workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024/a.csv.denied.json")).isNotEmptyFile();
    }

    private TransferOutcome process(Path file) {
        Path outbox = workspace.resolve("work/IRS/outbox");
        return gateway.processor().process("IRS", outbox, file);
    }

    private Path drop(String name) throws IOException {
        Path file = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, ADDRESSES);
        TestFiles.backdate(file, Duration.ofSeconds(5));
        return file;
    }

    private List<AuditEvent> events(AuditEventType type) {
        return new AuditStore(gateway.database()).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private String example(String relative) throws IOException {
        return Files.readString(workspace.resolve("keys-example").resolve(relative));
    }
}
