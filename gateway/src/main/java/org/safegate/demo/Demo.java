package org.safegate.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.config.Settings;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.keys.InsecureExampleKeyStore;
import org.safegate.policy.Revocation;
import org.safegate.route.Gateway;
import org.safegate.route.GatewayRunner;

/**
 * Plays the case of BRIEF.md through a real gateway in a throw-away workspace: IRS to DOJ is
 * delivered; ICE's requests under the 2025 MOU are inspected and only those that meet the statute
 * reach IRS; IRS's answers are denied while ICE's CAP has no dates; ICE's record is brought up to
 * date and the same answers go through, except those to the refused requests; DOJ passes what it
 * received on to ICE (a redisclosure, linked to the original); a security officer revokes ICE and
 * the next file is denied; then the accounting of disclosures and the audit log's verification.
 */
public final class Demo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ADDRESSES = ("request_id,name,last_known_address\n"
            + "R-0001,JANE Q SAMPLE,\"12 MAIN ST, SPRINGFIELD, IL 62701\"\n").getBytes(StandardCharsets.UTF_8);

    private final PrintWriter out;
    private final Function<String[], Integer> cli;
    private int failures;

    /** @param cli runs a {@code safegate} command in this process (for the audit commands) */
    public Demo(PrintWriter out, Function<String[], Integer> cli) {
        this.out = out;
        this.cli = cli;
    }

    /** Runs every step; returns true when each ended as the story says. */
    public boolean run() throws IOException {
        DemoWorkspace ws = DemoWorkspace.create();
        out.println("Safegate demo. Workspace: " + ws.root);
        out.println("Example policies, INSECURE example keys, an embedded store. Agencies: IRS, DOJ, ICE.");
        Settings settings = Settings.load(Optional.of(ws.config()), Map.of());
        try (Gateway gateway = Gateway.open(settings, Map.of(), ws.root, Clock.systemUTC())) {
            GatewayRunner runner = new GatewayRunner(gateway);

            step(1, "IRS sends taxpayer addresses to DOJ under IRS-DOJ-2024.");
            ws.drop("IRS", "IRS-DOJ-2024", "addresses-2025-06.csv", ADDRESSES);
            JsonNode toDoj = outcome(ws, runner, "IRS", "IRS-DOJ-2024", "addresses-2025-06.csv", "delivered", "DOJ");

            step(2, "ICE sends 50 address requests under the April 2025 MOU; two lack what 6103(i)(2) requires.");
            ws.drop("ICE", "IRS-ICE-2025/requests", "batch-1.csv", DemoRequests.requests(50, 7, 13));
            JsonNode request = outcome(ws, runner, "ICE", "IRS-ICE-2025", "batch-1.csv", "delivered", "IRS");
            out.println("   " + auditNote(gateway, request));

            step(3, "IRS answers every request it received (and the two refused ones) under IRS-ICE-2025.");
            ws.drop("IRS", "IRS-ICE-2025", "answers-1.csv", DemoRequests.answers(50));
            outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-1.csv", "denied", "ICE");

            step(4, "ICE completes a new safeguard review and submits a CAP with implementation dates.");
            Files.writeString(ws.root.resolve("policies/safeguards/ice.yaml"), updatedIceSafeguards());
            out.println("   policy reloaded: " + gateway.policies().reloadIfChanged() + "; IRS sends its answers again.");
            ws.drop("IRS", "IRS-ICE-2025", "answers-1.csv", DemoRequests.answers(50));
            JsonNode answers = outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-1.csv", "delivered", "ICE");
            out.println("   " + auditNote(gateway, answers) + " (IRS gets a notice of the withheld ones)");

            step(5, "DOJ opens what it received and passes it on to ICE under DOJ-ICE-2024.");
            byte[] received = openAsDoj(ws, toDoj.path("deliveredAs").asText());
            ws.drop("DOJ", "DOJ-ICE-2024", "from-irs.csv", received);
            JsonNode onward = outcome(ws, runner, "DOJ", "DOJ-ICE-2024", "from-irs.csv", "delivered", "ICE");
            out.println("   recognised as a redisclosure of IRS's transfer to DOJ; its path:");
            expect(cli.apply(new String[] {"audit", "show", onward.path("transfer").asText(), "--config",
                    ws.config().toString()}) == 0, "audit show");

            step(6, "A security officer revokes ICE; IRS sends another answer file to ICE.");
            gateway.revocations().revoke(new Revocation("ICE", Instant.now(), "demo:security-officer",
                    "incident under investigation"));
            gateway.auditLog().append(AuditEntry.builder(AuditEventType.AGENCY_REVOKED, "demo:security-officer")
                    .origin("safegate demo").object("ICE").change("revoked: incident under investigation").build());
            ws.drop("IRS", "IRS-ICE-2025", "answers-2.csv", DemoRequests.answers(50));
            outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-2.csv", "denied", "ICE");
        }
        step(7, "The accounting of disclosures, and a check that the audit log is intact.");
        expect(cli.apply(new String[] {"audit", "report", "--config", ws.config().toString()}) == 0, "audit report");
        expect(cli.apply(new String[] {"audit", "verify", "--config", ws.config().toString()}) == 0, "audit verify");
        out.println();
        out.println(failures == 0 ? "Demo complete: every step ended as expected." : "Demo: " + failures
                + " step(s) did not end as expected.");
        out.flush();
        return failures == 0;
    }

    private static String auditNote(Gateway gateway, JsonNode receipt) {
        if (receipt == null) {
            return "";
        }
        var events = new org.safegate.audit.AuditStore(gateway.database()).list(new org.safegate.audit.AuditQuery(
                Optional.empty(), Optional.empty(), java.util.Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(receipt.path("transfer").asText())));
        return events.isEmpty() ? "" : "audit: " + events.get(events.size() - 1).entry().change();
    }

    private JsonNode outcome(DemoWorkspace ws, GatewayRunner runner, String sender, String agreement, String name,
                             String expected, String recipient) throws IOException {
        var held = runner.runOnce(Duration.ofMinutes(2));
        expect(held.isEmpty(), "no file held (" + held + ")");
        Path receipts = ws.inbox(sender).resolve("receipts").resolve(agreement);
        JsonNode receipt = latestReceipt(receipts, name);
        String outcome = receipt == null ? "no receipt" : receipt.path("outcome").asText();
        out.println("   -> " + outcome.toUpperCase(java.util.Locale.ROOT)
                + (receipt != null && receipt.hasNonNull("deliveredAs")
                ? " to " + recipient + " as " + receipt.path("deliveredAs").asText() : ""));
        if (receipt != null) {
            receipt.path("reasons").forEach(r -> out.println("      " + r.path("code").asText() + ": "
                    + r.path("message").asText()));
        }
        expect(expected.equals(outcome), "expected " + expected + ", got " + outcome);
        return receipt;
    }

    private static JsonNode latestReceipt(Path folder, String name) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (var files = Files.list(folder)) {
            Optional<Path> newest = files.filter(p -> p.getFileName().toString().startsWith(name + "."))
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified()));
            return newest.isPresent() ? JSON.readTree(newest.get().toFile()) : null;
        }
    }

    private static byte[] openAsDoj(DemoWorkspace ws, String deliveredAs) throws IOException {
        InsecureExampleKeyStore keys = new InsecureExampleKeyStore(ws.root.resolve("keys-example"));
        Path sealed = ws.inbox("DOJ").resolve("IRS-DOJ-2024").resolve(deliveredAs);
        Path plain = ws.root.resolve("doj-opened.csv");
        new Opener(keys.agencyEncryption("DOJ"), new CertificateVerifier(keys.trust()), Clock.systemUTC())
                .open(sealed, plain);
        return Files.readAllBytes(plain);
    }

    /** ICE after a new review: reviewed ten days ago, CAP updated with a date for every open finding. */
    static String updatedIceSafeguards() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate due = today.plusMonths(3);
        return String.join("\n",
                "# ICE after a new safeguard review and a CAP with implementation dates (written by the demo)",
                "agency: ICE",
                "review:   { id: SR-" + today.getYear() + "-ICE, completed: " + today.minusDays(10) + " }",
                "ssr:",
                "  - { year: 2024, submitted: 2025-01-30 }",
                "  - { year: 2025, submitted: 2026-01-29 }",
                "findings:",
                "  - { id: F-01, severity: significant, opened: 2023-11-15, status: open }",
                "  - { id: F-02, severity: significant, opened: 2023-11-15, status: open }",
                "cap:",
                "  submitted: 2025-07-15",
                "  updated: " + today.minusDays(5),
                "  items:",
                "    - { finding: F-01, action: \"Restrict FTI access to named investigators\", implementation-date: "
                        + due + " }",
                "    - { finding: F-02, action: \"Log every access to FTI and review the logs weekly\", "
                        + "implementation-date: " + due + " }", "");
    }

    private void step(int number, String text) {
        out.println();
        out.println(number + ". " + text);
        out.flush();
    }

    private void expect(boolean ok, String what) {
        if (!ok) {
            failures++;
            out.println("   !! " + what);
        }
    }
}
