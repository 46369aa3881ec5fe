package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.ApiGateway;
import org.safegate.audit.AuditEventType;

/**
 * The commands that act on a running gateway with {@code --server}, run as real processes against
 * a real gateway's admin API; credentials only from the environment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteCommandsTest {
    ApiGateway api;
    Path workspace;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        workspace = dir;
        api = ApiGateway.start(dir, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aSecurityOfficerRevokesAndReinstatesThroughTheServerAndIsTheAuditedActor() throws Exception {
        Result revoke = safegate(officer(), "agency", "revoke", "ICE", "--reason", "SSR not filed", "--server", server(),
                "--ca", ca());
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(api.gateway.revocations().inForce("ICE")).isPresent();
        assertThat(api.events(AuditEventType.AGENCY_REVOKED)).last()
                .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("officer"));

        Result reinstate = safegate(officer(), "agency", "reinstate", "ICE", "--reason", "SSR filed", "--server",
                server(), "--ca", ca());
        assertThat(reinstate.exit()).as(reinstate.err()).isZero();
        assertThat(api.gateway.revocations().inForce("ICE")).isEmpty();
    }

    @Test
    void aSecurityOfficerRevokesAndReinstatesOneAgreementThroughTheServer() throws Exception {
        Result revoke = safegate(officer(), "agreement", "revoke", "DOJ-ICE-2024", "--reason", "redisclosure under review",
                "--server", server(), "--ca", ca());
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(api.gateway.revocations().agreementInForce("DOJ-ICE-2024")).isPresent();
        assertThat(api.events(AuditEventType.AGREEMENT_REVOKED)).last()
                .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("officer"));

        Result again = safegate(officer(), "agreement", "reinstate", "DOJ-ICE-2024", "--reason", "review done",
                "--server", server(), "--ca", ca());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(api.gateway.revocations().agreementInForce("DOJ-ICE-2024")).isEmpty();

        Result notRevoked = safegate(officer(), "agreement", "reinstate", "DOJ-ICE-2024", "--reason", "twice",
                "--server", server(), "--ca", ca());
        assertThat(notRevoked.exit()).isEqualTo(2);
        assertThat(notRevoked.err()).contains("NOT_REVOKED");
    }

    @Test
    void anAuditorListsVerifiesExportsAndReportsThroughTheServer() throws Exception {
        Map<String, String> auditor = Map.of("SAFEGATE_API_USER", "auditor", "SAFEGATE_API_PASSWORD",
                "auditor-INSECURE-example");
        Result list = safegate(auditor, "audit", "list", "--json", "--server", server(), "--ca", ca());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("\"POLICY_LOADED\"");

        Result verify = safegate(auditor, "audit", "verify", "--server", server(), "--ca", ca());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("intact: the audit store of " + server());

        Path csv = workspace.resolve("audit.csv");
        Result export = safegate(auditor, "audit", "export", "--format", "csv", "--out", csv.toString(), "--server",
                server(), "--ca", ca());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(csv)).contains("POLICY_LOADED");

        Result report = safegate(auditor, "audit", "report", "--server", server(), "--ca", ca());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("\"agreements\"");
    }

    @Test
    void theServerRefusalsAreInputErrorsWithTheApisCode() throws Exception {
        Result forbidden = safegate(Map.of("SAFEGATE_API_USER", "auditor", "SAFEGATE_API_PASSWORD",
                "auditor-INSECURE-example"), "agency", "revoke", "ICE", "--reason", "x", "--server", server(), "--ca", ca());
        assertThat(forbidden.exit()).isEqualTo(2);
        assertThat(forbidden.err()).startsWith("error: FORBIDDEN (403): ").doesNotContain("INVALID_ARGUMENT");

        Result wrong = safegate(Map.of("SAFEGATE_API_USER", "admin", "SAFEGATE_API_PASSWORD", "not-it"),
                "policy", "reload", "--server", server(), "--ca", ca());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("error: UNAUTHORIZED (401): ").doesNotContain("not-it");

        Result none = safegate(Map.of(), "audit", "verify", "--server", server(), "--ca", ca());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("SAFEGATE_API_TOKEN").contains("SAFEGATE_API_USER");

        Result untrusted = safegate(officer(), "audit", "verify", "--server", server());
        assertThat(untrusted.exit()).as("the example CA is not trusted by default").isEqualTo(2);
        assertThat(untrusted.err()).contains("not trust", "subject CN=localhost,O=Safegate Example (INSECURE),C=US",
                "issuer CN=Safegate Example Root CA", "--ca FILE", "safegate.api.tls.cert").doesNotContain("PKIX");

        Result plain = safegate(officer(), "audit", "verify", "--server", "http://localhost:" + api.port);
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err()).contains("https://");
    }

    @Test
    void anAdministratorReloadsThePolicySet() throws Exception {
        Result reload = safegate(Map.of("SAFEGATE_API_USER", "admin", "SAFEGATE_API_PASSWORD", "admin-INSECURE-example"),
                "policy", "reload", "--server", server(), "--ca", ca());

        assertThat(reload.exit()).as(reload.err()).isZero();
        assertThat(reload.out()).contains("\"reloaded\"");
    }

    @Test
    void withTheGatewaysConfigurationTheCommandsFindItsApiAndTrustItsCertificateWithoutServerOrCa()
            throws Exception {
        String config = runningConfiguration();

        Result revoke = safegate(officer(), "agency", "revoke", "ICE", "--reason", "SSR late", "--config", config);
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(api.gateway.revocations().inForce("ICE")).isPresent();
        assertThat(api.events(AuditEventType.AGENCY_REVOKED)).last()
                .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("officer"));
        Result reinstate = safegate(officer(), "agency", "reinstate", "ICE", "--reason", "SSR in", "--config", config);
        assertThat(reinstate.exit()).as(reinstate.err()).isZero();
        assertThat(api.gateway.revocations().inForce("ICE")).isEmpty();

        Result reload = safegate(Map.of("SAFEGATE_API_USER", "admin", "SAFEGATE_API_PASSWORD", "admin-INSECURE-example"),
                "policy", "reload", "--config", config);
        assertThat(reload.exit()).as(reload.err()).isZero();
        assertThat(reload.out()).contains("\"reloaded\"");
    }

    @Test
    void theEverydayCommandsAskTheRunningGatewayFoundFromItsConfiguration() throws Exception {
        String config = runningConfiguration();
        Map<String, String> admin = Map.of("SAFEGATE_API_USER", "admin", "SAFEGATE_API_PASSWORD",
                "admin-INSECURE-example");

        // held files live in the running gateway only: on the store alone this says to ask the gateway
        Result held = safegate(admin, "transfers", "held", "--json", "--config", config);
        Result agencies = safegate(admin, "agency", "list", "--json", "--config", config);

        assertThat(held.exit()).as(held.err()).isZero();
        assertThat(held.out()).contains("\"transfers\"");
        assertThat(agencies.exit()).as(agencies.err()).isZero();
        assertThat(agencies.out()).contains("\"IRS\"");
    }

    @Test
    void runBesideTheRunningGatewayExitsFourNamingItsProcess() throws Exception {
        String config = runningConfiguration();
        String holder = "gateway process " + ProcessHandle.current().pid() + " on host ";

        Result once = safegate(Map.of(), "run", "--once", "--config", config);
        assertThat(once.exit()).as(once.err()).isEqualTo(4);
        assertThat(once.err()).contains(holder, "holds " + workspace.resolve("data/run.lock"));

        Result daemon = safegate(Map.of(), "run", "--config", config);
        assertThat(daemon.exit()).as(daemon.err()).isEqualTo(4);
        assertThat(daemon.err()).contains(holder);
    }

    /** The running gateway's configuration as its operator would write it: relative paths, no --server. */
    private String runningConfiguration() throws IOException {
        Path file = workspace.resolve("running.properties");
        Files.writeString(file, String.join("\n", "safegate.keys=file:keys-example",
                "safegate.api.port=" + api.port, "safegate.api.tls.cert=keys-example/api/tls.crt",
                "safegate.api.tls.key=keys-example/api/tls.key", ""));
        return file.getFileName().toString();
    }

    private static Map<String, String> officer() {
        return Map.of("SAFEGATE_API_USER", "officer", "SAFEGATE_API_PASSWORD", "officer-INSECURE-example");
    }

    private String server() {
        return "https://localhost:" + api.port;
    }

    private String ca() {
        return workspace.resolve("keys-example/ca/ca.crt").toString();
    }

    /** The CLI in a process of its own, with exactly the given credentials in its environment. */
    private Result safegate(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.safegate.cli.SafegateCommand"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workspace, "out", ".txt");
        Path err = Files.createTempFile(workspace, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(name -> name.startsWith("SAFEGATE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
