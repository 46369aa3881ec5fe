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

/** {@code safegate agency list}: every agency's standing, as {@code GET /api/agencies} gives it. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List every agency: whether it is current today and why not, whether it is revoked, and the next reason"
                + " it will be given (NEXT: from which day, with its record as it is).",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the gateway's store (operator credentials needed:"
                + " agencies:read).",
            "Exit status: 0 listed, 2 invalid input or refused, 3 failure."})
final class AgencyListCommand implements Callable<Integer> {
    private final Clock clock;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer ({\"agencies\": [...]}).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AgencyListCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String answer = access.remote() ? access.client().get("/api/agencies")
                : access.direct(clock, Power.AGENCIES_READ, "safegate agency list", "agencies", (api, actor) -> api.agencies());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("AGENCY", "NAME", "STATUS", "REVOKED", "NEXT", "REASONS");
        for (JsonNode agency : GatewayAccess.parse(answer).path("agencies")) {
            table.row(agency.path("id").asText(), agency.path("name").asText(),
                    agency.path("status").asText(), agency.path("revoked").asBoolean() ? "yes" : "no",
                    next(agency.path("upcoming")), codes(agency.path("reasons")));
        }
        table.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    /** The soonest change to come, its day and the reason it will give; "-" when none comes within a year. */
    static String next(JsonNode upcoming) {
        return upcoming.isEmpty() ? "-" : upcoming.get(0).path("day").asText() + " " + upcoming.get(0).path("reason").asText();
    }

    /** The reason codes, comma-separated; "-" when there is none. */
    static String codes(JsonNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.path("code").asText()));
        return codes.isEmpty() ? "-" : String.join(", ", codes);
    }
}
