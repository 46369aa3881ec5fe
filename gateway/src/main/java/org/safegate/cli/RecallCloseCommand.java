package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code safegate recall close ID --item TRANSFER ... --reason TEXT}: {@code POST /api/recalls/{id}/close}. */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = {"Close recall items without a certificate of disposal, with a reason (the holder no longer"
                + " exists, its copy was destroyed otherwise, ...). Every item is checked before any is closed;"
                + " each closure is audited (RECALL_ITEM_CLOSED); see docs/recall.md.",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the"
                + " gateway's store (operator credentials needed: recall:close).",
            "Exit status: 0 closed, 2 no such recall or item, an item already certified or closed, invalid input or"
                + " refused, 3 failure."})
final class RecallCloseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock;

    @Parameters(index = "0", paramLabel = "ID", description = "The recall's id.")
    String id;

    @Option(names = "--item", required = true, paramLabel = "TRANSFER",
            description = "The transfer id of an item to close (repeat for more).")
    List<String> items;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why the item is closed without a certificate (the audit log and the recall keep it).")
    String reason;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RecallCloseCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ObjectNode body = JSON.createObjectNode();
        items.forEach(body.putArray("items")::add);
        body.put("reason", reason);
        String answer = access.remote()
                ? access.client().post("/api/recalls/" + ApiClient.segment(id) + "/close", body)
                : access.direct(clock, Power.RECALL_CLOSE, "safegate recall close", id,
                        (api, operator) -> api.closeRecallItems(id, body, operator));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
        } else {
            RecallShowCommand.print(out, GatewayAccess.parse(answer));
        }
        return ExitCodes.OK;
    }
}
