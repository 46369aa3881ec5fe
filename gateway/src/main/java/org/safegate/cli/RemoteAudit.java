package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** The {@code audit} commands with {@code --server}: the same output, from a running gateway's admin API. */
final class RemoteAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most events the API gives at once. */
    private static final int LIMIT = 10_000;

    private RemoteAudit() {
    }

    static int list(ApiClient client, Map<String, String> filters, boolean json, PrintWriter out) {
        Map<String, String> parameters = new LinkedHashMap<>(filters);
        parameters.put("limit", Integer.toString(LIMIT));
        JsonNode answer = parse(client.get("/api/audit/events" + ApiClient.query(parameters)));
        JsonNode events = answer.path("events");
        if (json) {
            out.println(events.toPrettyString());
        } else {
            TextTable table = new TextTable("SEQ", "TIME", "TYPE", "ACTOR", "TRANSFER", "AGREEMENT", "RECIPIENT",
                    "RECORDS", "DECISION", "REASONS");
            for (JsonNode e : events) {
                List<String> reasons = new ArrayList<>();
                e.path("reasons").forEach(r -> reasons.add(r.asText()));
                table.row(e.path("seq").asText(), e.path("time").asText(), e.path("type").asText(),
                        e.path("actor").asText(), text(e, "transfer"), text(e, "agreement"), text(e, "recipient"),
                        text(e, "records"), text(e, "decision"), reasons.isEmpty() ? "-" : String.join(",", reasons));
            }
            table.print(out);
            out.println(events.size() + " event" + (events.size() == 1 ? "" : "s"));
        }
        if (answer.path("truncated").asBoolean()) {
            out.println("(only the first " + LIMIT + " events: narrow the filters, or use audit export)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    static int verify(ApiClient client, String server, PrintWriter out, boolean json) {
        JsonNode result = parse(client.get("/api/audit/verify"));
        if (json) {
            // the admin API's own body (docs/admin-api.md)
            out.println(result);
            out.flush();
            return result.path("intact").asBoolean() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
        if (result.path("intact").asBoolean()) {
            out.println("intact: the audit store of " + server + ": " + result.path("events").asText() + " events, "
                    + result.path("checkpoints").asText() + " checkpoint signatures, head "
                    + result.path("lastSequence").asText() + " " + result.path("lastHash").asText());
            out.flush();
            return ExitCodes.OK;
        }
        out.println("TAMPERED: the audit store of " + server + ": " + result.path("problem").asText());
        out.flush();
        return ExitCodes.CHECK_FAILED;
    }

    /** Downloads beside the target and moves it into place only when complete. */
    static int export(ApiClient client, Map<String, String> filters, String format, Path target, PrintWriter out) {
        Map<String, String> parameters = new LinkedHashMap<>(filters);
        parameters.put("format", format);
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), ".audit-export", ".part");
            client.download("/api/audit/export" + ApiClient.query(parameters), partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // the original failure, if any, matters more
            }
        }
        out.println("exported to " + target);
        out.flush();
        return ExitCodes.OK;
    }

    private static JsonNode parse(String answer) {
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "the server's answer is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
