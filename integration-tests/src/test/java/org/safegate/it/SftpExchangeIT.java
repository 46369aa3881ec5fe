package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/**
 * Three agencies, DOJ's inbox on an SFTP server (a real MINA SSHD server with password login and a
 * pinned host key), the gateway jar run as its own process. What lands on the server is opened and
 * verified with the real {@code openssl} command, as DOJ would.
 */
class SftpExchangeIT {
    private static final String PASSWORD = "doj-sftp-password";
    private static final String IRS_PASSWORD = "irs-sftp-password";

    @TempDir
    Path workspace;
    private EmbeddedSftpServer server;

    @BeforeEach
    void prepare() throws Exception {
        server = new EmbeddedSftpServer(workspace.resolve("sftp-server"), java.util.Map.of("doj", PASSWORD,
                "irs", IRS_PASSWORD));
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(SafegateProcess.ROOT.resolve("keys-example"), workspace.resolve("keys-example"));
        Files.writeString(workspace.resolve("application.properties"), "safegate.keys=file:keys-example\n");
        Files.createDirectories(workspace.resolve("secrets"));
        Files.writeString(workspace.resolve("secrets/doj-sftp.password"), PASSWORD + "\n");
        Path doj = workspace.resolve("policies/agencies/doj.yaml");
        Files.writeString(doj, Files.readString(doj).replace("  inbox:  { type: file, path: work/DOJ/inbox }",
                "  inbox:  { type: sftp, host: 127.0.0.1, port: " + server.port() + ", user: doj, credentials: "
                        + "\"file:secrets/doj-sftp.password\", host-key: \"" + server.hostKeyFingerprint()
                        + "\", path: /upload/inbox }"));
        assertThat(Files.readString(doj)).contains("type: sftp");
        GatewayDay.makeIceCurrent(workspace.resolve("policies"));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    @DisplayName("IRS sends to DOJ's SFTP inbox and DOJ sends to ICE; run --once. Result: delivered both ways, DOJ's files open"
            + " and verify with openssl, receipts on both sides, no temporary file on the server, audit verify exit 0.")
    void irsSendsToDojOverSftpAndDojSendsToIce_resultDeliveredBothWaysAndOpenSslOpensWhatDojGot() throws Exception {
        drop("IRS", "IRS-DOJ-2024", "addresses-1.csv", content(1));
        drop("IRS", "IRS-DOJ-2024", "addresses-2.csv", content(2));
        drop("DOJ", "DOJ-ICE-2024", "leads.csv", content(3));

        SafegateProcess.Result run = SafegateProcess.jar(workspace, "run", "--once", "--config", "application.properties");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Path dojInbox = server.root().resolve("upload/inbox/IRS-DOJ-2024");
        assertThat(names(dojInbox)).containsExactly("addresses-1.csv.p7m", "addresses-2.csv.p7m");
        assertThat(opensslOpenAsDoj(dojInbox.resolve("addresses-1.csv.p7m"))).isEqualTo(content(1));
        assertThat(opensslOpenAsDoj(dojInbox.resolve("addresses-2.csv.p7m"))).isEqualTo(content(2));
        assertThat(names(workspace.resolve("work/ICE/inbox/DOJ-ICE-2024"))).containsExactly("leads.csv.p7m");
        assertThat(names(workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024"))).containsExactly(
                "addresses-1.csv.delivered.json", "addresses-1.csv.delivered.json.p7s",
                "addresses-2.csv.delivered.json", "addresses-2.csv.delivered.json.p7s");
        Path dojReceipts = server.root().resolve("upload/inbox/receipts/DOJ-ICE-2024");
        assertThat(names(dojReceipts)).containsExactly("leads.csv.delivered.json", "leads.csv.delivered.json.p7s");
        assertThat(Files.readString(dojReceipts.resolve("leads.csv.delivered.json"))).contains("\"deliveredAs\"")
                .contains("leads.csv.p7m");
        assertThat(workspace.resolve("work/DOJ/inbox")).doesNotExist();
        assertThat(temporaryFiles(server.root())).isEmpty();
        assertThat(files(workspace.resolve("work/IRS/outbox"))).isEmpty();
        assertThat(files(workspace.resolve("work/DOJ/outbox"))).isEmpty();
        assertAuditVerifies();
    }

    @Test
    @DisplayName("DOJ's SFTP server is down; run --once, then again once it is back. Result: first held (exit 3, the file"
            + " kept), then delivered exactly once (exit 0).")
    void dojsSftpServerIsDown_resultHeldThenDeliveredOnceWhenItIsBack() throws Exception {
        server.stop();
        drop("IRS", "IRS-DOJ-2024", "addresses-1.csv", content(1));

        SafegateProcess.Result down = SafegateProcess.jar(workspace, "run", "--once", "--config",
                "application.properties", "--timeout", "60");

        assertThat(down.exit()).as("3: held; " + down.out() + down.err()).isEqualTo(3);
        assertThat(down.err()).contains("held: ").contains("addresses-1.csv");
        assertThat(workspace.resolve("data/taken/IRS/IRS-DOJ-2024/addresses-1.csv")).hasBinaryContent(content(1));
        assertThat(files(server.root())).isEmpty();

        server.restart();
        SafegateProcess.Result up = SafegateProcess.jar(workspace, "run", "--once", "--config", "application.properties");

        assertThat(up.exit()).as(up.out() + up.err()).isZero();
        Path dojInbox = server.root().resolve("upload/inbox/IRS-DOJ-2024");
        assertThat(names(dojInbox)).containsExactly("addresses-1.csv.p7m");
        assertThat(opensslOpenAsDoj(dojInbox.resolve("addresses-1.csv.p7m"))).isEqualTo(content(1));
        assertThat(temporaryFiles(server.root())).isEmpty();
        assertAuditVerifies();
    }

    @Test
    @DisplayName("IRS's outbox is on the SFTP server too; run --once. Result: its files are taken from the server,"
            + " delivered to DOJ's SFTP inbox, a misplaced one quarantined, nothing left on IRS's outbox, audit verify exit 0.")
    void irsSendsFromAnSftpOutbox_resultTakenFromTheServerAndDeliveredOnce() throws Exception {
        Files.writeString(workspace.resolve("secrets/irs-sftp.password"), IRS_PASSWORD);
        Path irs = workspace.resolve("policies/agencies/irs.yaml");
        Files.writeString(irs, Files.readString(irs).replace("  outbox: { type: file, path: work/IRS/outbox }",
                "  outbox: { type: sftp, host: 127.0.0.1, port: " + server.port() + ", user: irs, credentials: "
                        + "\"file:secrets/irs-sftp.password\", host-key: \"" + server.hostKeyFingerprint()
                        + "\", path: /irs/outbox }"));
        Path remoteOutbox = server.root().resolve("irs/outbox");
        remoteFile(remoteOutbox.resolve("IRS-DOJ-2024/addresses-1.csv"), content(1));
        remoteFile(remoteOutbox.resolve("IRS-DOJ-2024/addresses-2.csv"), content(2));
        remoteFile(remoteOutbox.resolve("loose.csv"), content(3));
        remoteFile(remoteOutbox.resolve("IRS-DOJ-2024/.still-writing.csv"), content(4));

        SafegateProcess.Result run = SafegateProcess.jar(workspace, "run", "--once", "--config", "application.properties");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Path dojInbox = server.root().resolve("upload/inbox/IRS-DOJ-2024");
        assertThat(names(dojInbox)).containsExactly("addresses-1.csv.p7m", "addresses-2.csv.p7m");
        assertThat(opensslOpenAsDoj(dojInbox.resolve("addresses-2.csv.p7m"))).isEqualTo(content(2));
        assertThat(files(remoteOutbox)).containsExactly(remoteOutbox.resolve("IRS-DOJ-2024/.still-writing.csv"));
        assertThat(names(workspace.resolve("work/IRS/inbox/receipts/_unplaced")))
                .contains("loose.csv.quarantined.json");
        assertThat(files(workspace.resolve("data/sftp-outbox/IRS/outbox"))).isEmpty();
        assertThat(temporaryFiles(server.root())).isEmpty();
        assertAuditVerifies();
    }

    private static void remoteFile(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(10));
    }

    /** Decrypts with DOJ's key and verifies the gateway's signature against the CA, with openssl alone. */
    private byte[] opensslOpenAsDoj(Path sealed) throws Exception {
        Path keys = workspace.resolve("keys-example");
        Path signed = workspace.resolve("signed-" + sealed.getFileName() + ".der");
        Path plain = workspace.resolve("plain-" + sealed.getFileName() + ".csv");
        Tool.openssl(workspace, "cms", "-decrypt", "-inform", "DER", "-in", sealed.toString(),
                "-recip", keys.resolve("agencies/DOJ/encrypt.crt").toString(),
                "-inkey", keys.resolve("agencies/DOJ/encrypt.key").toString(), "-out", signed.toString())
                .assertSuccess();
        Tool.openssl(workspace, "cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-binary",
                "-CAfile", keys.resolve("ca/ca.crt").toString(), "-out", plain.toString()).assertSuccess();
        return Files.readAllBytes(plain);
    }

    private void assertAuditVerifies() {
        SafegateProcess.Result verify = SafegateProcess.jar(workspace, "audit", "verify", "--config",
                "application.properties");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    private static byte[] content(int i) {
        return ("tin,name,address\n" + (200000000 + i) + ",Person " + i + "," + i + " Elm St\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void drop(String agency, String agreement, String name, byte[] content) throws IOException {
        Path file = workspace.resolve("work").resolve(agency).resolve("outbox").resolve(agreement).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        TestFiles.backdate(file, Duration.ofSeconds(10));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !Files.isDirectory(p)).toList();
        }
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        List<Path> temporary = new ArrayList<>();
        for (Path file : files(folder)) {
            if (file.getFileName().toString().startsWith(".safegate-")) {
                temporary.add(file);
            }
        }
        return temporary;
    }
}
