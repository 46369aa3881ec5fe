package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.safegate.operator.Power;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code safegate recall list}: {@code GET /api/recalls}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List recalls, newest first: issuer, due date, how many items, which holders.",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the"
                + " gateway's store (operator credentials needed: recall:read).",
            "Exit status: 0 listed, 2 invalid input or refused, 3 failure."})
final class RecallListCommand implements Callable<Integer> {
    private final Clock clock;

    @Option(names = "--open", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Only recalls with an item open (--open), or with none (--open=false).")
    Boolean open;

    @Option(names = "--holder", paramLabel = "AGENCY", description = "Only recalls with an item this agency holds.")
    String holder;

    @Option(names = "--overdue", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Only recalls with an item open past its due date today, its holder RECALL_OVERDUE"
                    + " (--overdue), or with none (--overdue=false).")
    Boolean overdue;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer ({\"recalls\": [...]}).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RecallListCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String answer;
        if (access.remote()) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("open", open == null ? null : open.toString());
            query.put("holder", holder);
            query.put("overdue", overdue == null ? null : overdue.toString());
            answer = access.client().get("/api/recalls" + ApiClient.query(query));
        } else {
            answer = access.direct(clock, Power.RECALL_READ, "safegate recall list", "recalls",
                    (api, actor) -> api.recalls(Optional.ofNullable(open), Optional.ofNullable(holder),
                            Optional.ofNullable(overdue)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("RECALL", "ISSUER", "ISSUED", "DUE", "ITEMS", "OPEN", "HOLDERS");
        for (JsonNode recall : GatewayAccess.parse(answer).path("recalls")) {
            TreeSet<String> holders = new TreeSet<>();
            recall.path("items").forEach(item -> holders.add(item.path("holder").asText()));
            table.row(recall.path("id").asText(), recall.path("issuer").asText(), recall.path("issuedAt").asText(),
                    recall.path("due").asText(), Integer.toString(recall.path("items").size()),
                    recall.path("open").asBoolean() ? "yes" : "no", String.join(", ", holders));
        }
        table.print(out);
        out.flush();
        return ExitCodes.OK;
    }
}
