package org.safegate.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.config.Settings;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.keys.InsecureExampleKeyStore;
import org.safegate.policy.Revocation;
import org.safegate.recall.Recall;
import org.safegate.app.Gateway;
import org.safegate.app.GatewayRunner;

/**
 * Plays the case the README tells through a real gateway in a throw-away workspace: IRS to DOJ is
 * delivered; ICE's requests under the 2025 MOU are inspected and only those that meet the statute
 * reach IRS; IRS's answers are denied while ICE's CAP has no dates; ICE's record is brought up to
 * date and the same answers go through, except those to the refused requests; DOJ passes what it
 * received on to ICE (a redisclosure, linked to the original); the IRS recalls it from both, DOJ
 * certifies its destruction, ICE does not and, once the due date passed, the next file to ICE is
 * denied for it; a security officer revokes ICE; then the accounting of disclosures and the audit
 * log's verification.
 */
public final class Demo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ADDRESSES = ("request_id,name,last_known_address\n"
            + "R-0001,JANE Q SAMPLE,\"12 MAIN ST, SPRINGFIELD, IL 62701\"\n").getBytes(StandardCharsets.UTF_8);

    private final PrintWriter out;
    private final Function<String[], Integer> cli;
    private final DemoClock clock;
    private final boolean keep;
    private int step;
    private String stepTitle;

    /**
     * @param cli   runs a {@code safegate} command in this process, on the same clock (for the audit commands)
     * @param clock the demo's day: the workspace's policies and keys are dated relative to it
     * @param keep  leave the workspace in place when the demo ends, instead of removing it
     */
    public Demo(PrintWriter out, Function<String[], Integer> cli, DemoClock clock, boolean keep) {
        this.out = out;
        this.cli = cli;
        this.clock = clock;
        this.keep = keep;
    }

    /** Runs every step; returns true when each ended as the story says, false at the first that did not. */
    public boolean run() throws IOException {
        DemoWorkspace ws = DemoWorkspace.create(clock);
        out.println("Safegate demo, " + ws.today + ". Workspace: " + ws.root
                + (keep ? "" : " (removed at the end; --keep keeps it)"));
        out.println("The case's policies dated relative to today, INSECURE example keys made for today, an embedded "
                + "store. Agencies: IRS, DOJ, ICE.");
        try {
            play(ws);
            out.println();
            out.println("Demo complete: every step ended as expected.");
            return true;
        } catch (UnexpectedOutcome e) {
            out.println();
            out.println("Demo stopped: step " + step + " (" + stepTitle + ") did not turn out as expected.");
            out.println("   expected: " + e.expected);
            out.println("   happened: " + e.happened);
            return false;
        } finally {
            if (keep) {
                out.println("Workspace kept: " + ws.root);
            } else {
                ws.delete();
            }
            out.flush();
        }
    }

    private void play(DemoWorkspace ws) throws IOException {
        Settings settings = Settings.load(Optional.of(ws.config()), Map.of());
        try (Gateway gateway = Gateway.open(settings, Map.of(), ws.root, clock)) {
            GatewayRunner runner = new GatewayRunner(gateway);

            step(1, "IRS sends taxpayer addresses to DOJ under IRS-DOJ-2024.");
            ws.drop("IRS", "IRS-DOJ-2024", "addresses-2025-06.csv", ADDRESSES);
            JsonNode toDoj = outcome(ws, runner, "IRS", "IRS-DOJ-2024", "addresses-2025-06.csv", "DOJ", DELIVERED);

            step(2, "ICE sends 50 address requests under the April 2025 MOU; two lack what 6103(i)(2) requires.");
            ws.drop("ICE", "IRS-ICE-2025/requests", "batch-1.csv", DemoRequests.requests(50, 7, 13));
            JsonNode request = outcome(ws, runner, "ICE", "IRS-ICE-2025", "batch-1.csv", "IRS", DELIVERED);
            out.println("   " + auditNote(gateway, request));

            step(3, "IRS answers every request it received (and the two refused ones) under IRS-ICE-2025.");
            ws.drop("IRS", "IRS-ICE-2025", "answers-1.csv", DemoRequests.answers(50));
            outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-1.csv", "ICE",
                    denied("REVIEW_STALE", "CAP_STALE", "CAP_ITEM_UNDATED"));

            step(4, "ICE completes a new safeguard review and submits a CAP with implementation dates.");
            Files.writeString(ws.root.resolve("policies/safeguards/ice.yaml"), CasePolicies.iceUpToDate(ws.today));
            boolean reloaded = gateway.policies().reloadIfChanged();
            out.println("   policy reloaded: " + reloaded + "; IRS sends its answers again.");
            expect(reloaded, "the policy set reloads with ICE's new record", "it was not reloaded");
            ws.drop("IRS", "IRS-ICE-2025", "answers-1.csv", DemoRequests.answers(50));
            JsonNode answers = outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-1.csv", "ICE", DELIVERED);
            out.println("   " + auditNote(gateway, answers) + " (IRS gets a notice of the withheld ones)");

            step(5, "DOJ opens what it received and passes it on to ICE under DOJ-ICE-2024.");
            byte[] received = openAsDoj(ws, toDoj.path("deliveredAs").asText());
            ws.drop("DOJ", "DOJ-ICE-2024", "from-irs.csv", received);
            JsonNode onward = outcome(ws, runner, "DOJ", "DOJ-ICE-2024", "from-irs.csv", "ICE", DELIVERED);
            String type = lastEvent(gateway, onward).map(e -> e.entry().type().name()).orElse("no audit event");
            expect(type.equals(AuditEventType.REDISCLOSURE.name()), "a REDISCLOSURE audit event", type);
            out.println("   recognised as a redisclosure of IRS's transfer to DOJ; its path:");
            command("audit", "show", onward.path("transfer").asText(), "--config", ws.config().toString());

            DemoRecall recalls = new DemoRecall(ws, clock);
            step(6, "The IRS recalls the addresses it sent DOJ, and the copy DOJ passed on to ICE.");
            Recall recall = recalls.issue(gateway, toDoj.path("transfer").asText());
            out.println("   recall " + recall.id() + ": " + recall.items().size() + " items, due " + recall.due());
            var held = runner.runOnce(Duration.ofMinutes(2));
            expect(held.isEmpty(), "the notices delivered", "the gateway held files: " + held);
            for (String holder : List.of("DOJ", "ICE")) {
                Optional<JsonNode> notice = recalls.notice(holder, recall);
                expect(notice.isPresent(), "a sealed notice in " + holder + "'s inbox", "none");
                out.println("   " + holder + " opens recalls/" + recall.id() + ".json.p7m: \""
                        + notice.get().path("notice").asText() + "\" (" + notice.get().path("items").size() + " item)");
            }

            step(7, "DOJ destroys its copy and certifies it with a signed certificate; ICE does not.");
            ws.drop("DOJ", "recalls", recall.id() + ".json", recalls.certificate("DOJ", recall));
            outcome(ws, runner, "DOJ", "recalls", recall.id() + ".json", "the gateway", CERTIFIED);

            step(8, "The due date passes (the story moves on a day); IRS sends ICE another answer file.");
            clock.skip(Duration.ofDays(1));
            ws.drop("IRS", "IRS-ICE-2025", "answers-2.csv", DemoRequests.answers(50));
            outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-2.csv", "ICE", denied("RECALL_OVERDUE"));

            step(9, "A security officer revokes ICE as well; IRS sends another answer file to ICE.");
            gateway.revocations().revoke(new Revocation("ICE", clock.instant(), "demo:security-officer",
                    "incident under investigation"));
            gateway.auditLog().append(AuditEntry.builder(AuditEventType.AGENCY_REVOKED, "demo:security-officer")
                    .origin("safegate demo").object("ICE").change("revoked: incident under investigation").build());
            ws.drop("IRS", "IRS-ICE-2025", "answers-3.csv", DemoRequests.answers(50));
            outcome(ws, runner, "IRS", "IRS-ICE-2025", "answers-3.csv", "ICE", denied("AGENCY_REVOKED", "RECALL_OVERDUE"));
        }
        step(10, "The accounting of disclosures, and a check that the audit log is intact.");
        command("audit", "report", "--config", ws.config().toString());
        command("audit", "verify", "--config", ws.config().toString());
    }

    private void command(String... args) {
        int exit = cli.apply(args);
        expect(exit == 0, "safegate " + args[0] + " " + args[1] + " exits 0", "it exited " + exit);
    }

    private static Optional<AuditEvent> lastEvent(Gateway gateway, JsonNode receipt) {
        var events = new AuditStore(gateway.database()).list(new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(receipt.path("transfer").asText())));
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    private static String auditNote(Gateway gateway, JsonNode receipt) {
        return lastEvent(gateway, receipt).map(e -> "audit: " + e.entry().change()).orElse("");
    }

    /** Runs the gateway until every outbox is drained and returns the receipt of the file, as expected. */
    private JsonNode outcome(DemoWorkspace ws, GatewayRunner runner, String sender, String agreement, String name,
                             String recipient, Expected expected) throws IOException {
        var held = runner.runOnce(Duration.ofMinutes(2));
        expect(held.isEmpty(), expected.describe(), "the gateway held files: " + held);
        Path receipts = ws.inbox(sender).resolve("receipts").resolve(agreement);
        JsonNode receipt = latestReceipt(receipts, name);
        expect(receipt != null, expected.describe(), "no receipt for " + name + " in " + receipts);
        String outcome = receipt.path("outcome").asText();
        Set<String> codes = new TreeSet<>();
        out.println("   -> " + outcome.toUpperCase(Locale.ROOT)
                + (receipt.hasNonNull("deliveredAs") ? " to " + recipient + " as " + receipt.path("deliveredAs").asText()
                : ""));
        receipt.path("reasons").forEach(r -> {
            codes.add(r.path("code").asText());
            out.println("      " + r.path("code").asText() + ": " + r.path("message").asText());
        });
        Expected happened = new Expected(outcome, codes);
        expect(happened.equals(expected), expected.describe(), happened.describe());
        return receipt;
    }

    /** An outcome and the set of reason codes that come with it. */
    private record Expected(String outcome, Set<String> reasons) {
        String describe() {
            return outcome + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")");
        }
    }

    private static final Expected DELIVERED = new Expected("delivered", Set.of());
    private static final Expected CERTIFIED = new Expected("certified", Set.of());

    private static Expected denied(String... reasons) {
        return new Expected("denied", new TreeSet<>(List.of(reasons)));
    }

    private static JsonNode latestReceipt(Path folder, String name) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (var files = Files.list(folder)) {
            Optional<Path> newest = files.filter(p -> p.getFileName().toString().startsWith(name + "."))
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
            return newest.isPresent() ? JSON.readTree(newest.get().toFile()) : null;
        }
    }

    private byte[] openAsDoj(DemoWorkspace ws, String deliveredAs) throws IOException {
        InsecureExampleKeyStore keys = new InsecureExampleKeyStore(ws.root.resolve("keys-example"));
        Path sealed = ws.inbox("DOJ").resolve("IRS-DOJ-2024").resolve(deliveredAs);
        Path plain = ws.root.resolve("doj-opened.csv");
        new Opener(keys.agencyEncryption("DOJ"), new CertificateVerifier(keys.trust()), clock).open(sealed, plain);
        return Files.readAllBytes(plain);
    }

    private void step(int number, String text) {
        step = number;
        stepTitle = text;
        out.println();
        out.println(number + ". " + text);
        out.flush();
    }

    private void expect(boolean ok, String expected, String happened) {
        if (!ok) {
            throw new UnexpectedOutcome(expected, happened);
        }
    }

    /** A step that did not turn out as the story says: the demo stops there. */
    private static final class UnexpectedOutcome extends RuntimeException {
        final String expected;
        final String happened;

        UnexpectedOutcome(String expected, String happened) {
            super(expected + " / " + happened, null, false, false);
            this.expected = expected;
            this.happened = happened;
        }
    }
}
