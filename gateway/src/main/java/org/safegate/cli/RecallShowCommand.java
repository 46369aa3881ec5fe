package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safegate.operator.Power;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code safegate recall show ID}: {@code GET /api/recalls/{id}}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a recall and each item: who holds which delivery, under which agreement, and its state.",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the"
                + " gateway's store (operator credentials needed: recall:read).",
            "Exit status: 0 shown, 2 no such recall, invalid input or refused, 3 failure."})
final class RecallShowCommand implements Callable<Integer> {
    private static final int LISTED = 20;

    private final Clock clock;

    @Parameters(index = "0", paramLabel = "ID", description = "The recall's id.")
    String id;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RecallShowCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String answer = access.remote() ? access.client().get("/api/recalls/" + ApiClient.segment(id))
                : access.direct(clock, Power.RECALL_READ, "safegate recall show", id, (api, actor) -> api.recall(id));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
        } else {
            print(out, GatewayAccess.parse(answer));
        }
        return ExitCodes.OK;
    }

    /**
     * The recall's facts, then its items as a table, who closed which item without a certificate and
     * why, then where each holder's notice stands.
     */
    static void print(PrintWriter out, JsonNode recall) {
        out.println("recall " + recall.path("id").asText() + " of " + recall.path("issuer").asText() + "'s data, issued "
                + recall.path("issuedAt").asText() + " by " + recall.path("issuedBy").asText() + ", due "
                + recall.path("due").asText() + (recall.path("open").asBoolean() ? " (open)" : " (done)"));
        out.println("notice: " + recall.path("notice").asText());
        out.println("reason: " + recall.path("reason").asText());
        TextTable table = new TextTable("TRANSFER", "HOLDER", "AGREEMENT", "DELIVERED", "NAME", "FROM", "STATE");
        for (JsonNode item : recall.path("items")) {
            table.row(item.path("transfer").asText(), item.path("holder").asText(), item.path("agreement").asText(),
                    item.path("deliveredAt").asText(), item.path("deliveredName").asText(),
                    GatewayAccess.text(item, "parent"), item.path("state").asText());
        }
        table.print(out);
        for (JsonNode item : recall.path("items")) {
            records(out, item);
            JsonNode closure = item.path("closure");
            if (closure.isObject()) {
                out.println("closed " + item.path("transfer").asText() + " (" + item.path("holder").asText() + ") by "
                        + closure.path("closedBy").asText() + " at " + closure.path("closedAt").asText() + ": "
                        + closure.path("reason").asText());
            }
        }
        out.println();
        TextTable notices = new TextTable("HOLDER", "NOTICE", "FILE", "SINCE", "HELD");
        for (JsonNode notice : recall.path("notices")) {
            boolean held = !notice.path("heldSince").isNull() && !notice.path("heldSince").isMissingNode();
            notices.row(notice.path("holder").asText(), notice.path("state").asText(),
                    GatewayAccess.text(notice, "deliveredAs"),
                    held ? notice.path("heldSince").asText() : GatewayAccess.text(notice, "deliveredAt"),
                    GatewayAccess.text(notice, "heldReason"));
        }
        notices.print(out);
        out.flush();
    }

    /** An item recalled by request: which records of the file, the first {@value #LISTED} of them. */
    private static void records(PrintWriter out, JsonNode item) {
        JsonNode records = item.path("recordIds");
        if (records.isEmpty()) {
            return;
        }
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, records.size()); i++) {
            listed.add(records.get(i).asText());
        }
        out.println("records of " + item.path("transfer").asText() + " (" + item.path("deliveredName").asText() + "): "
                + String.join(", ", listed) + (records.size() > LISTED ? " (and " + (records.size() - LISTED)
                + " more; --json lists them all)" : ""));
    }
}
