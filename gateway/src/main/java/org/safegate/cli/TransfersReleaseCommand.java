package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.operator.Power;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code safegate transfers release ID}: {@code POST /api/transfers/{id}/release}. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Send a held or quarantined transfer through the pipeline again, decided afresh: a held file is"
                + " retried now; a quarantined original goes back to its sender's outbox. Audited (TRANSFER_RELEASED).",
            "Through the running gateway (--server, or the one running on --config's data folder; always for a held file), else on the data folder (operator"
                + " credentials needed: transfers:release).",
            "Exit status: 0 released, 2 no such transfer, no longer releasable, invalid input or refused, 3 failure."})
final class TransfersReleaseCommand implements Callable<Integer> {
    private final Clock clock;

    @Parameters(index = "0", paramLabel = "ID", description = "The id 'transfers held' or 'transfers quarantined' lists.")
    String id;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    TransfersReleaseCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String answer;
        if (access.remote()) {
            answer = access.client().post("/api/transfers/" + ApiClient.segment(id) + "/release",
                    GatewayAccess.parse("{}"));
        } else if (id.startsWith("held-")) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, TransferList.HELD_LIVES_IN_THE_GATEWAY);
        } else {
            answer = access.direct(clock, Power.TRANSFERS_RELEASE, "safegate transfers release", id,
                    (api, operator) -> api.release(id, operator));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
            return ExitCodes.OK;
        }
        JsonNode released = GatewayAccess.parse(answer);
        out.println("released " + released.path("id").asText() + " (" + released.path("state").asText() + ", "
                + released.path("name").asText() + " from " + released.path("sender").asText() + " under "
                + released.path("agreement").asText() + "): "
                + (released.path("state").asText().equals("held") ? "retried now"
                        : "put back in the sender's outbox to be decided afresh"));
        out.flush();
        return ExitCodes.OK;
    }
}
