package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/**
 * What a local user other than the gateway's account can reach while the gateway runs: the admin
 * API's port and nothing else (an embedded database server would be a way in), and no file of the
 * store.
 */
class HostExposureIT {
    private static final Pattern LISTENING = Pattern.compile("\\S+:(\\d+)\\s+\\S+\\s+users:\\(.*pid=(\\d+),");

    @TempDir
    Path workspace;

    @Test
    @DisplayName("A gateway runs with its admin API. Result: ss shows it listening on the API's port only; the"
            + " command line reads and writes the store beside it; the store is readable by the gateway's account only.")
    void theGatewayListensOnTheApiPortOnly_resultTheCommandLineSharesTheStoreThroughTheFile() throws Exception {
        GatewayDay.writeCasePolicies(workspace.resolve("policies"));
        TestFiles.copyTree(SafegateProcess.ROOT.resolve("keys-example"), workspace.resolve("keys-example"));
        int apiPort = freePort();
        Files.writeString(workspace.resolve("application.properties"), String.join("\n",
                "safegate.keys=file:keys-example",
                "safegate.api.host=127.0.0.1",
                "safegate.api.port=" + apiPort,
                "safegate.api.tls.cert=keys-example/api/tls.crt",
                "safegate.api.tls.key=keys-example/api/tls.key", ""));
        Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", SafegateProcess.JAR.toString(), "run").directory(workspace.toFile())
                .redirectOutput(workspace.resolve("gateway-out.txt").toFile())
                .redirectError(workspace.resolve("gateway-err.txt").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> accepts(apiPort));

            assertThat(listeningPorts(gateway.pid())).as("TCP ports the gateway listens on").containsExactly(apiPort);

            SafegateProcess.Result listed = SafegateProcess.jar(workspace, "audit", "list", "--json");
            assertThat(listed.exit()).as(listed.out() + listed.err()).isZero();
            SafegateProcess.Result verified = SafegateProcess.jar(workspace, "audit", "verify");
            assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
            assertThat(gateway.isAlive()).isTrue();

            Path store = workspace.resolve("data/store");
            assertThat(Files.getPosixFilePermissions(store)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            try (var files = Files.list(store)) {
                for (Path file : files.toList()) {
                    assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).containsExactlyInAnyOrder(
                            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                }
            }
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    /** The TCP ports a process listens on, as {@code ss} (iproute2) reports them. */
    private static Set<Integer> listeningPorts(long pid) throws IOException, InterruptedException {
        Tool.Result ss = Tool.run(Files.createTempDirectory("ss"), List.of("ss", "-Hltnp"));
        assertThat(ss.exitCode()).as(ss.output()).isZero();
        Set<Integer> ports = new TreeSet<>();
        for (String line : ss.output().lines().toList()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find() && Long.parseLong(m.group(2)) == pid) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
