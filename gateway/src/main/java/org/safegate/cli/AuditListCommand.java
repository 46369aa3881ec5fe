package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventJson;
import org.safegate.audit.AuditStore;
import org.safegate.audit.CanonicalEncoding;
import org.safegate.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code safegate audit list}: the events that match, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List audit events, oldest first.",
            "Exit status: 0 listed (even none), 2 invalid input or no store (none is created), 3 store failure."})
final class AuditListCommand implements Callable<Integer> {
    @Mixin
    AuditConfig config;

    @Mixin
    AuditFilters filters;

    @Option(names = "--json", description = "Print a JSON array of events instead of a table.")
    boolean json;

    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (server.remote()) {
            return RemoteAudit.list(server.client(), filters.parameters(), json, spec.commandLine().getOut());
        }
        List<AuditEvent> events;
        try (Database database = config.openExistingDatabase()) {
            events = new AuditStore(database).list(filters.query());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = mapper.createArrayNode();
            events.forEach(e -> array.add(AuditEventJson.of(mapper, e)));
            out.println(array.toPrettyString());
        } else {
            TextTable table = new TextTable("SEQ", "TIME", "TYPE", "ACTOR", "TRANSFER", "AGREEMENT", "RECIPIENT",
                    "RECORDS", "DECISION", "REASONS");
            for (AuditEvent e : events) {
                var entry = e.entry();
                table.row(Long.toString(e.sequence()), CanonicalEncoding.formatTime(e.time()), e.type().name(),
                        entry.actor(), dash(entry.transferId()), dash(entry.agreement()), dash(entry.recipient()),
                        entry.recordCount() == null ? "-" : entry.recordCount().toString(), dash(entry.decision()),
                        entry.reasonCodes().isEmpty() ? "-" : String.join(",", entry.reasonCodes()));
            }
            table.print(out);
            out.println(events.size() + " event" + (events.size() == 1 ? "" : "s"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String dash(String value) {
        return value == null ? "-" : value;
    }
}
