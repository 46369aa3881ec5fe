package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.safegate.audit.AuditStore;
import org.safegate.audit.DisclosureReport;
import org.safegate.audit.DisclosureReportJson;
import org.safegate.recall.TransferRecalls;
import org.safegate.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code safegate audit report}: the accounting of disclosures per agreement and period (IRC 6103(p)(3)). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Accounting of disclosures per agreement for a period: delivered, denied by reason, quarantined, redisclosed,"
                + " and the recalled deliveries: disposed, closed, open.",
            "Exit status: 0 reported, 2 invalid input or no store (none is created), 3 failure."})
final class AuditReportCommand implements Callable<Integer> {
    @Mixin
    AuditConfig config;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = DateConverter.class, description = "First day (UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = DateConverter.class, description = "Last day (UTC).")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AuditFilters period = new AuditFilters();
        period.from = from;
        period.to = to;
        if (server.remote()) {
            java.util.Map<String, String> days = period.parameters();
            days.keySet().retainAll(java.util.Set.of("from", "to"));
            spec.commandLine().getOut().println(server.client().get("/api/audit/report" + ApiClient.query(days)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        DisclosureReport report;
        try (Database database = config.openExistingDatabase()) {
            report = DisclosureReport.of(new AuditStore(database), period.query(), new TransferRecalls(database).marks());
        }
        PrintWriter out = spec.commandLine().getOut();
        String range = (from == null ? "beginning" : from.toString()) + " to " + (to == null ? "now" : to.toString());
        if (json) {
            ObjectNode root = DisclosureReportJson.of(new ObjectMapper(), report, from, to);
            out.println(root.toPrettyString());
        } else {
            out.println("Accounting of disclosures, " + range + " (UTC)");
            TextTable table = new TextTable("AGREEMENT", "PROVIDER", "DELIVERED", "RECORDS", "DENIED", "DENIED BY REASON",
                    "QUARANTINED", "FAILED/HELD", "REDISCLOSED", "RECORDS REDISCLOSED", "REQUEST FILES",
                    "REQUEST RECORDS", "FROM OTHER SENDERS", "RECALLED", "DISPOSED", "CLOSED", "OPEN");
            report.accounts().forEach((id, a) -> table.row(id, a.provider() == null ? "-" : a.provider(), n(a.delivered()), n(a.recordsDelivered()), n(a.denied()),
                    reasons(a.deniedByReason()), n(a.quarantined()), n(a.failed()), n(a.redisclosed()),
                    n(a.recordsRedisclosed()), n(a.requests()), n(a.requestRecords()), n(a.fromOtherSenders()),
                    n(a.recalled()), n(a.disposed()), n(a.closed()), n(a.open())));
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String reasons(Map<String, Long> byReason) {
        return byReason.isEmpty() ? "-" : byReason.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
