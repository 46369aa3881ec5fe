package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.operator.Power;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code safegate safeguard record AGENCY --type TYPE ...}: {@code POST /api/agencies/{id}/safeguards/events}.
 * Each option is the JSON field of the same name (docs/safeguard-events.md); the command only
 * builds the event, and the safeguard service checks it, so errors are the API's, naming the field.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record a safeguard event for an agency: its safeguard file is rewritten, the change audited"
                + " (SAFEGUARD_EVENT) and the running policy set reloaded. Fields as in docs/safeguard-events.md:",
            "  review          --id --completed",
            "  ssr             --year --submitted",
            "  finding-opened  --id --severity --opened",
            "  finding-closed  --id --closed",
            "  cap-submitted   --submitted, then per item --finding --action [--implementation-date]",
            "  cap-updated     --updated, then per item --finding [--action] [--implementation-date DATE|none]",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the gateway's policy folder and store (operator"
                + " credentials needed: safeguards:record).",
            "Exit status: 0 recorded, 2 no such agency, an invalid event (the field is named) or refused, 3 failure."})
final class SafeguardRecordCommand implements Callable<Integer> {
    private final Clock clock;

    @Parameters(index = "0", paramLabel = "AGENCY", description = "The agency, as in policies/agencies/.")
    String agency;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "review, ssr, finding-opened, finding-closed, cap-submitted or cap-updated.")
    String type;

    @Option(names = "--id", paramLabel = "ID", description = "The review's or the finding's id.")
    String id;

    @Option(names = "--completed", paramLabel = "YYYY-MM-DD", description = "The day the review was completed.")
    String completed;

    @Option(names = "--year", paramLabel = "YEAR", description = "The calendar year the SSR covers.")
    String year;

    @Option(names = "--submitted", paramLabel = "YYYY-MM-DD", description = "The day the SSR or the CAP was submitted.")
    String submitted;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "low, moderate, significant or critical.")
    String severity;

    @Option(names = "--opened", paramLabel = "YYYY-MM-DD", description = "The day the finding was opened.")
    String opened;

    @Option(names = "--closed", paramLabel = "YYYY-MM-DD", description = "The day the finding was closed.")
    String closed;

    @Option(names = "--updated", paramLabel = "YYYY-MM-DD", description = "The day the CAP was updated.")
    String updated;

    @CommandLine.ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Item> items;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer (the file before and after, the standing now).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One CAP item: {@code --finding} starts it, the options after it belong to it. */
    static final class Item {
        @Option(names = "--finding", required = true, paramLabel = "ID", description = "A CAP item's finding.")
        String finding;

        @Option(names = "--action", paramLabel = "TEXT", description = "The item's corrective action.")
        String action;

        @Option(names = "--implementation-date", paramLabel = "YYYY-MM-DD|none",
                description = "The item's planned implementation date; none clears it.")
        String implementationDate;
    }

    SafeguardRecordCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ObjectNode event = event();
        String answer = access.remote()
                ? access.client().post("/api/agencies/" + ApiClient.segment(agency) + "/safeguards/events", event)
                : access.direct(clock, Power.SAFEGUARDS_RECORD, "safegate safeguard record", agency,
                        (api, operator) -> api.safeguardEvent(agency, event, operator));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
            return ExitCodes.OK;
        }
        JsonNode recorded = GatewayAccess.parse(answer);
        String who = recorded.path("agency").asText();
        out.println(who + ": " + recorded.path("eventType").asText() + " recorded in " + recorded.path("file").asText());
        if (recorded.path("current").asBoolean()) {
            out.println(who + " is current today");
        } else {
            out.println(who + " is not current today:");
            TextTable reasons = TextTable.untitled(2);
            recorded.path("reasons").forEach(r -> reasons.row("  " + r.path("code").asText(), r.path("message").asText()));
            reasons.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The JSON body, with only the fields given: the service says which are missing or do not belong. */
    ObjectNode event() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", type);
        put(event, "id", id);
        put(event, "completed", completed);
        if (year != null) {
            // a whole number goes as a number; anything else as text, which the service refuses naming "year"
            if (year.matches("-?\\d{1,18}")) {
                event.put("year", Long.parseLong(year));
            } else {
                event.put("year", year);
            }
        }
        put(event, "submitted", submitted);
        put(event, "severity", severity);
        put(event, "opened", opened);
        put(event, "closed", closed);
        put(event, "updated", updated);
        if (items != null) {
            var array = event.putArray("items");
            for (Item item : items) {
                ObjectNode node = array.addObject();
                node.put("finding", item.finding);
                put(node, "action", item.action);
                if ("none".equals(item.implementationDate)) {
                    node.putNull("implementation-date");
                } else {
                    put(node, "implementation-date", item.implementationDate);
                }
            }
        }
        return event;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
