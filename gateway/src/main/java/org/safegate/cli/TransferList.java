package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.operator.Power;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code transfers held} and {@code transfers quarantined} share: {@code GET /api/transfers?state=...}, shown. */
abstract class TransferList {
    /**
     * Held files are the running gateway's state (each waits in its memory for a retry); a command
     * that opened the store would always find none, and "none" would mislead an operator whose
     * gateway holds files. So without a running gateway asked, this is an error that says where to ask.
     */
    static final String HELD_LIVES_IN_THE_GATEWAY = "held files exist only in the running gateway, which retries"
            + " them; ask it with --server https://HOST:PORT (and operator credentials). When no gateway runs nothing is"
            + " held: files left in the outboxes and private folders are taken up again when it starts";

    final Clock clock;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer ({\"transfers\": [...]}).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    TransferList(Clock clock) {
        this.clock = clock;
    }

    int list(String state) {
        String answer;
        if (access.remote()) {
            answer = access.client().get("/api/transfers?state=" + state);
        } else if (state.equals("held")) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, HELD_LIVES_IN_THE_GATEWAY);
        } else {
            answer = access.direct(clock, Power.TRANSFERS_READ, "safegate transfers " + state, "transfers",
                    (api, actor) -> api.transfers(state));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
            return ExitCodes.OK;
        }
        JsonNode transfers = GatewayAccess.parse(answer).path("transfers");
        if (transfers.isEmpty()) {
            out.println("no " + state + " transfers");
            out.flush();
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ID", "SENDER", "AGREEMENT", "NAME", "SINCE", "REASONS");
        for (JsonNode t : transfers) {
            table.row(t.path("id").asText(), t.path("sender").asText(), t.path("agreement").asText(),
                    t.path("name").asText(), GatewayAccess.text(t, "since"), reasons(t.path("reasons")));
        }
        table.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    static String reasons(JsonNode reasons) {
        StringBuilder all = new StringBuilder();
        reasons.forEach(r -> all.append(all.length() == 0 ? "" : "; ").append(r.asText()));
        return all.length() == 0 ? "-" : all.toString();
    }
}
