package org.safegate.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CanonicalEncoding;
import org.safegate.recall.TransferRecalls;
import org.safegate.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code safegate audit show TRANSFER_ID}: every event of one transfer, the recalls it is an item
 * of, and its redisclosure chain as a tree: from the original disclosure down to every onward
 * transfer of the same data, each marked with how it stands over the recalls of it.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show everything about one transfer: its events, the recalls it is an item of (overdue: open"
                + " past the due date), and its redisclosure chain as a tree.",
            "With --server the running gateway answers, always as JSON.",
            "Exit status: 0 shown, 2 no such transfer or no store (none is created), 3 store failure."})
final class AuditShowCommand implements Callable<Integer> {
    private final Clock clock;

    @Mixin
    AuditConfig config;

    @Parameters(paramLabel = "TRANSFER_ID")
    String transferId;

    @Mixin
    ServerOptions server;

    @picocli.CommandLine.Option(names = "--json",
            description = "Print the events and the chain as JSON, as GET /api/audit/events/{transfer} answers.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AuditShowCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (server.remote()) {
            // the running gateway answers with the events and the redisclosure chain as JSON
            out.println(server.client().get("/api/audit/events/" + ApiClient.segment(transferId)));
            out.flush();
            return ExitCodes.OK;
        }
        try (Database database = config.openExistingDatabase()) {
            AuditStore store = new AuditStore(database);
            if (json) {
                GatewayAccess.printJson(out, org.safegate.admin.DirectAnswers.transferEvents(database, clock,
                        transferId));
                return ExitCodes.OK;
            }
            TransferRecalls recalls = new TransferRecalls(database);
            Instant now = clock.instant();
            List<AuditEvent> events = eventsOf(store, transferId);
            if (events.isEmpty()) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "no audit events for transfer " + transferId);
            }
            out.println("Transfer " + transferId);
            for (AuditEvent event : events) {
                describe(out, event);
            }
            out.println();
            recalls(out, recalls.of(transferId, now));
            out.println();
            out.println("Disclosure chain (original first):");
            String root = root(store, transferId);
            tree(out, store, recalls, now, root, "", true, new HashSet<>());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<AuditEvent> eventsOf(AuditStore store, String transfer) {
        return store.list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(transfer)));
    }

    private static void describe(PrintWriter out, AuditEvent event) {
        AuditEntry e = event.entry();
        out.println("  #" + event.sequence() + " " + CanonicalEncoding.formatTime(event.time()) + " " + e.type()
                + " " + e.outcome());
        line(out, "actor", e.actor());
        line(out, "origin", e.origin());
        line(out, "object", e.object());
        line(out, "provider -> recipient", e.provider() == null ? null : e.provider() + " -> " + e.recipient());
        line(out, "agreement", e.agreement());
        line(out, "authority", e.authority());
        line(out, "category", e.category());
        line(out, "payload", e.payloadDigest());
        line(out, "size", e.size() == null ? null : e.size() + " bytes");
        line(out, "records", e.recordCount() == null ? null : e.recordCount().toString());
        line(out, "decision", e.decision() == null ? null
                : e.decision() + (e.reasonCodes().isEmpty() ? "" : " " + String.join(", ", e.reasonCodes())));
        line(out, "derived from", e.parentTransfer());
        line(out, "what changed", e.change());
        line(out, "hash", event.hash());
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null) {
            out.printf("      %-22s %s%n", label, value);
        }
    }

    /** Walks up the parent links to the original disclosure (guarding against a cycle). */
    private static String root(AuditStore store, String transfer) {
        String current = transfer;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Optional<String> parent = eventsOf(store, current).stream().map(e -> e.entry().parentTransfer())
                    .filter(p -> p != null).findFirst();
            if (parent.isEmpty()) {
                return current;
            }
            current = parent.get();
        }
        return current;
    }

    /** Each recall of the transfer: whose data, when issued, due when, and the item's state there. */
    private static void recalls(PrintWriter out, List<TransferRecalls.Held> held) {
        if (held.isEmpty()) {
            out.println("Recalls: none");
            return;
        }
        out.println("Recalls:");
        for (TransferRecalls.Held h : held) {
            out.println("  recall " + h.recall() + " of " + h.issuer() + "'s data, issued "
                    + CanonicalEncoding.formatTime(h.issuedAt()) + ", due " + CanonicalEncoding.formatTime(h.due())
                    + ": " + h.state().name().toLowerCase(Locale.ROOT) + (h.overdue() ? ", OVERDUE" : ""));
        }
    }

    private void tree(PrintWriter out, AuditStore store, TransferRecalls recalls, Instant now, String transfer,
                      String indent, boolean last, Set<String> seen) {
        List<AuditEvent> events = eventsOf(store, transfer);
        String summary = events.isEmpty() ? "(no events in this store)" : summary(events.get(events.size() - 1));
        String marker = indent.isEmpty() ? "" : (last ? "`- " : "|- ");
        String recall = recalls.standing(transfer, now).map(s -> "  [recall: " + s.name().toLowerCase(Locale.ROOT)
                + "]").orElse("");
        out.println(indent + marker + transfer + (transfer.equals(transferId) ? " *" : "") + "  " + summary + recall);
        if (!seen.add(transfer)) {
            return;
        }
        List<String> children = store.children(transfer).stream().map(e -> e.entry().transferId())
                .filter(id -> id != null).distinct().toList();
        String childIndent = indent + (indent.isEmpty() ? "  " : (last ? "   " : "|  "));
        for (int i = 0; i < children.size(); i++) {
            tree(out, store, recalls, now, children.get(i), childIndent, i == children.size() - 1, seen);
        }
    }

    private static String summary(AuditEvent event) {
        AuditEntry e = event.entry();
        return e.type() + " " + AuditListCommand.dash(e.provider()) + " -> " + AuditListCommand.dash(e.recipient())
                + " under " + AuditListCommand.dash(e.agreement())
                + (e.recordCount() == null ? "" : ", " + e.recordCount() + " records");
    }
}
