package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import org.safegate.SafegateException;
import org.safegate.admin.DirectAnswers;
import org.safegate.admin.TransferTimings;
import org.safegate.app.Gateway;
import org.safegate.config.Settings;
import org.safegate.operator.Power;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --config} and the server options of the everyday commands (agency list and show,
 * transfers, safeguard record), and the one place where each of them either asks the running
 * gateway's admin API or, when none is asked, opens the gateway's store itself and answers with
 * the same JSON the API would ({@link DirectAnswers}), as an operator holding the endpoint's power.
 */
final class GatewayAccess {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path config;

    @Mixin
    ServerOptions server;

    private Settings settings;

    /** With {@code --server}, or while a gateway runs on the configuration's data folder with its API on. */
    boolean remote() {
        return server.remote(settings());
    }

    /** The client of {@code --server}, else of the gateway running on the configuration. */
    ApiClient client() {
        return server.client(settings());
    }

    private Settings settings() {
        if (settings == null) {
            settings = Settings.load(Optional.ofNullable(config), System.getenv());
        }
        return settings;
    }

    /**
     * Opens the gateway's store (as {@code agency revoke} does), proves the operator holds
     * {@code power} (a refusal is audited and names the permission), and answers with
     * {@code work}, given the answers and the operator's id. An error about one field names it.
     */
    String direct(Clock clock, Power power, String command, String object,
                  BiFunction<DirectAnswers, String, String> work) {
        LocalOperator operator = LocalOperator.of(server);
        try (Gateway gateway = Gateway.open(settings(), System.getenv(), Path.of("").toAbsolutePath(), clock)) {
            String actor = operator.require(gateway, power, command, object);
            return work.apply(new DirectAnswers(gateway.adminServicesOnStore(new TransferTimings())), actor);
        } catch (SafegateException e) {
            throw namingField(e);
        }
    }

    /** The field in the message too, as the API's answer names it: "year: must be a whole number" alone says little. */
    static SafegateException namingField(SafegateException e) {
        return e.field().map(field -> SafegateException.about(e.code(), field, e.getMessage() + " (field " + field
                + ")")).orElse(e);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the answer is not JSON", e);
        }
    }

    /** The answer exactly as the API gives it (indented JSON). */
    static void printJson(PrintWriter out, String json) {
        out.println(json.strip());
        out.flush();
    }

    /** A JSON text member, or "-" when it is absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "-" : value.asText();
    }
}
