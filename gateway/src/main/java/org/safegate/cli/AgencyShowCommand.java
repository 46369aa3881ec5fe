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

/** {@code safegate agency show ID}: one agency's standing, endpoints and agreements, as {@code GET /api/agencies/{id}}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one agency: whether it is current today and every reason it is not, the reasons it will be given"
                + " within a year with its record as it is (from which day), its revocation, endpoints and agreements.",
            "Through the running gateway (--server, or the one running on --config's data folder), else on the gateway's store (operator credentials needed:"
                + " agencies:read).",
            "Exit status: 0 shown, 2 no such agency, invalid input or refused, 3 failure."})
final class AgencyShowCommand implements Callable<Integer> {
    private final Clock clock;

    @Parameters(index = "0", paramLabel = "ID", description = "The agency, as in policies/agencies/.")
    String agency;

    @Mixin
    GatewayAccess access;

    @Option(names = "--json", description = "Print the API's JSON answer.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AgencyShowCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String answer = access.remote() ? access.client().get("/api/agencies/" + ApiClient.segment(agency))
                : access.direct(clock, Power.AGENCIES_READ, "safegate agency show", agency, (api, actor) -> api.agency(agency));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            GatewayAccess.printJson(out, answer);
            return ExitCodes.OK;
        }
        JsonNode body = GatewayAccess.parse(answer);
        TextTable table = TextTable.untitled(2);
        table.row("agency", body.path("id").asText() + " (" + body.path("name").asText() + ")");
        table.row("status", body.path("status").asText());
        for (JsonNode reason : body.path("reasons")) {
            table.row("  " + reason.path("code").asText(), reason.path("message").asText());
        }
        for (JsonNode upcoming : body.path("upcoming")) {
            table.row("from " + upcoming.path("day").asText(), upcoming.path("reason").asText() + ": "
                    + upcoming.path("what").asText());
        }
        JsonNode revocation = body.path("revocation");
        table.row("revoked", body.path("revoked").asBoolean() ? "yes, at " + GatewayAccess.text(revocation, "at")
                + " by " + GatewayAccess.text(revocation, "by") + ": " + GatewayAccess.text(revocation, "reason") : "no");
        table.row("certificate", body.path("certificate").asText());
        table.row("outbox", endpoint(body.path("endpoints").path("outbox")));
        table.row("inbox", endpoint(body.path("endpoints").path("inbox")));
        table.row("provides under", list(body.path("provides")));
        table.row("receives under", list(body.path("receives")));
        table.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    private static String endpoint(JsonNode endpoint) {
        String where = endpoint.has("host") ? GatewayAccess.text(endpoint, "user") + "@" + endpoint.path("host").asText()
                + ":" + GatewayAccess.text(endpoint, "port") + " " : "";
        return endpoint.path("type").asText() + " " + where + endpoint.path("path").asText();
    }

    private static String list(JsonNode ids) {
        List<String> all = new ArrayList<>();
        ids.forEach(id -> all.add(id.asText()));
        return all.isEmpty() ? "-" : String.join(", ", all);
    }
}
