package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/**
 * The admin API as docs/admin-api.md shows it: {@code safegate run} on the example configuration
 * in its own process, and the real {@code curl} trusting the example CA, with the example operators.
 */
class AdminApiCurlIT {
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";

    @TempDir
    Path workspace;
    Process gateway;
    int port;

    @AfterEach
    void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("An auditor lists and verifies the audit log with curl and gets 403 on revoke; a security officer's"
            + " revoke denies the next file to that agency.")
    void anAuditorReadsTheAuditLogAndCannotRevoke_aSecurityOfficerRevokesAndTheNextFileIsDenied() throws Exception {
        startGatewayOnTheExampleConfiguration();
        drop("IRS-DOJ-2024", "first.csv", CSV);
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.isRegularFile(receipt("first.csv.delivered.json")));

        String events = curl("auditor", "/api/audit/events?agency=DOJ").assertSuccess().output();
        assertThat(events).contains("\"type\" : \"TRANSFER_DELIVERED\"").contains("\"recipient\" : \"DOJ\"");
        String verify = curl("auditor", "/api/audit/verify").assertSuccess().output();
        assertThat(verify).contains("\"intact\" : true");
        assertThat(status("auditor", "POST", "/api/agencies/DOJ/revoke", "{\"reason\": \"not my job\"}"))
                .isEqualTo("403");

        assertThat(status("officer", "POST", "/api/agencies/DOJ/revoke",
                "{\"reason\": \"FTI found on a shared drive\"}")).isEqualTo("200");
        drop("IRS-DOJ-2024", "second.csv", CSV + "987654321,John Doe,2 Main St\n");

        await().atMost(Duration.ofSeconds(90)).until(() -> Files.isRegularFile(receipt("second.csv.denied.json")));
        assertThat(Files.readString(receipt("second.csv.denied.json"))).contains("AGENCY_REVOKED");
        assertThat(curl("auditor", "/api/audit/events?agency=DOJ&outcome=denied").assertSuccess().output())
                .contains("AGENCY_REVOKED");
        assertThat(curl(null, "/api/health").assertSuccess().output()).contains("\"status\" : \"UP\"");
        assertThat(Tool.run(workspace, List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "http://127.0.0.1:" + port + "/api/health")).output()).as("never plain HTTP").doesNotEndWith("200");
    }

    private void startGatewayOnTheExampleConfiguration() throws Exception {
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(Tool.root().resolve("keys-example"), workspace.resolve("keys-example"));
        TestFiles.copyTree(Tool.root().resolve("examples"), workspace.resolve("examples"));
        for (String operator : List.of("auditor", "officer")) {
            // curl reads the (example) password from a file, so it never shows in the process list
            Files.writeString(workspace.resolve(operator + ".curl"), "user = \"" + operator + ":" + operator
                    + "-INSECURE-example\"\n");
        }
        port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", SafegateProcess.JAR.toString(), "run", "--config", "examples/application.properties"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectOutput(workspace.resolve("gateway-out.txt").toFile())
                .redirectError(workspace.resolve("gateway-err.txt").toFile());
        builder.environment().put("SAFEGATE_API_PORT", Integer.toString(port));
        gateway = builder.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(gateway.isAlive()).as(Files.readString(workspace.resolve("gateway-err.txt"))).isTrue();
            return curl(null, "/api/health").exitCode() == 0;
        });
    }

    private Tool.Result curl(String operator, String path) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body", "--cacert",
                "keys-example/ca/ca.crt"));
        if (operator != null) {
            command.addAll(List.of("-K", operator + ".curl"));
        }
        command.add("https://localhost:" + port + path);
        return Tool.run(workspace, command);
    }

    private String status(String operator, String method, String path, String json) throws Exception {
        Tool.Result result = Tool.run(workspace, List.of("curl", "-sS", "--cacert", "keys-example/ca/ca.crt",
                "-K", operator + ".curl", "-X", method, "-H", "Content-Type: application/json", "-d", json,
                "-o", "/dev/null", "-w", "%{http_code}", "https://localhost:" + port + path));
        String output = result.assertSuccess().output().strip();
        return output.substring(output.length() - 3);
    }

    private void drop(String agreement, String name, String content) throws IOException {
        Path folder = workspace.resolve("work/IRS/outbox").resolve(agreement);
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name);
        Files.writeString(hidden, content, StandardCharsets.UTF_8);
        Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path receipt(String name) {
        return workspace.resolve("work/IRS/inbox/receipts/IRS-DOJ-2024").resolve(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
