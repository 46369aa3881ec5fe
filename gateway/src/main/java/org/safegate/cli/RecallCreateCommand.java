package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.operator.Power;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code safegate recall create}: {@code POST /api/recalls}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Recall delivered data: the transfers named (--transfer), or every delivery under an agreement"
                + " from one day to another (--agreement --from --to), and every onward delivery of it. Audited"
                + " (RECALL_ISSUED); see docs/recall.md.",
            "With --request: only the answer records of those requests, in every answer file that carried them (or"
                + " in the transfers or period given; --agreement alone says under which agreement they were made).",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the"
                + " gateway's store (operator credentials needed: recall:issue).",
            "Exit status: 0 issued, 2 unknown transfer or request, nothing to recall, invalid input or refused,"
                + " 3 failure."})
final class RecallCreateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    @Option(names = "--transfer", paramLabel = "ID", description = "A transfer to recall (repeat for more).")
    List<String> transfers;

    @Option(names = "--agreement", paramLabel = "ID", description = "Recall every delivery under this agreement"
            + " from --from to --to.")
    String agreement;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First UTC day, inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last UTC day, inclusive.")
    LocalDate to;

    @Option(names = "--request", paramLabel = "ID", description = "Recall only the answer records of this request"
            + " (repeat for more).")
    List<String> requests;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (internal: the audit log).")
    String reason;

    @Option(names = "--notice", required = true, paramLabel = "TEXT", description = "What the holders read.")
    String notice;

    @Option(names = "--due", paramLabel = "PERIOD|DAY", description = "ISO period from now (P30D) or a day"
            + " (default: safegate.recall.default-due, P30D).")
    String due;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RecallCreateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ObjectNode body = body();
        String answer = access.remote() ? access.client().post("/api/recalls", body)
                : access.direct(clock, Power.RECALL_ISSUE, "safegate recall create", "recall",
                        (api, operator) -> api.issueRecall(body, operator));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
        } else {
            RecallShowCommand.print(out, GatewayAccess.parse(answer));
        }
        return ExitCodes.OK;
    }

    /** The API's body: what is not given is left out, so the same checks name the same fields. */
    private ObjectNode body() {
        ObjectNode body = JSON.createObjectNode();
        if (transfers != null) {
            transfers.forEach(body.putArray("transfers")::add);
        }
        if (agreement != null) {
            body.put("agreement", agreement);
        }
        if (from != null) {
            body.put("from", from.toString());
        }
        if (to != null) {
            body.put("to", to.toString());
        }
        if (requests != null) {
            requests.forEach(body.putArray("requests")::add);
        }
        body.put("reason", reason);
        body.put("notice", notice);
        if (due != null) {
            body.put("due", due);
        }
        return body;
    }
}
