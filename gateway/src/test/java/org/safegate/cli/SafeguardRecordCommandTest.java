package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.ApiGateway;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.testing.TestClocks;

/** {@code safeguard record}: the API's events from options, checked by the same service, with its answer. */
class SafeguardRecordCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = TestClocks.CASE_DATE.toString();

    @TempDir
    Path dir;

    @Test
    void aSecurityOfficerRecordsAFindingAndTheCapItemsDatesOnTheStore() throws Exception {
        EverydayWorkspace ws = new EverydayWorkspace(dir);

        EverydayWorkspace.Result opened = ws.direct("officer", "safeguard", "record", "ICE", "--type", "finding-opened",
                "--id", "F-09", "--severity", "low", "--opened", TODAY, "--json");

        assertThat(opened.exit()).as(opened.err()).isZero();
        JsonNode answer = JSON.readTree(opened.out());
        assertThat(answer.path("agency").asText()).isEqualTo("ICE");
        assertThat(answer.path("eventType").asText()).isEqualTo("finding-opened");
        assertThat(answer.path("after").asText()).contains("F-09");
        assertThat(answer.path("current").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("policies/safeguards/ice.yaml"))).contains("F-09");

        String planned = TestClocks.CASE_DATE.plusMonths(3).toString();
        EverydayWorkspace.Result dated = ws.direct("officer", "safeguard", "record", "ICE", "--type", "cap-updated",
                "--updated", TODAY, "--finding", "F-01", "--implementation-date", planned,
                "--finding", "F-02", "--implementation-date", planned);

        assertThat(dated.exit()).as(dated.err()).isZero();
        assertThat(dated.out()).startsWith("ICE: cap-updated recorded in safeguards/ice.yaml");
        assertThat(Files.readString(dir.resolve("policies/safeguards/ice.yaml")))
                .contains("{ finding: F-01, action: \"Restrict FTI access to named investigators\", implementation-date: "
                        + planned + " }");
        assertThat(events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.entry().actor()).isEqualTo("officer");
            assertThat(e.entry().origin()).isEqualTo("safeguard event");
        });
    }

    @Test
    void invalidFieldsAnUnknownAgencyAndAMissingPermissionAreNamedAndChangeNothing() throws Exception {
        EverydayWorkspace ws = new EverydayWorkspace(dir);
        String before = Files.readString(dir.resolve("policies/safeguards/ice.yaml"));

        EverydayWorkspace.Result year = ws.direct("officer", "safeguard", "record", "ICE", "--type", "ssr", "--year",
                "last", "--submitted", TODAY);
        EverydayWorkspace.Result missing = ws.direct("officer", "safeguard", "record", "ICE", "--type", "review",
                "--id", "SR-2026-ICE");
        EverydayWorkspace.Result future = ws.direct("officer", "safeguard", "record", "ICE", "--type", "finding-closed",
                "--id", "F-01", "--closed", TestClocks.CASE_DATE.plusDays(1).toString());
        EverydayWorkspace.Result stray = ws.direct("officer", "safeguard", "record", "ICE", "--type", "review",
                "--id", "SR-2026-ICE", "--completed", TODAY, "--severity", "low");
        EverydayWorkspace.Result action = ws.direct("officer", "safeguard", "record", "ICE", "--type", "cap-submitted",
                "--submitted", TODAY, "--finding", "F-01");
        EverydayWorkspace.Result type = ws.direct("officer", "safeguard", "record", "ICE", "--type", "audit");
        EverydayWorkspace.Result unknown = ws.direct("officer", "safeguard", "record", "NOPE", "--type", "review",
                "--id", "SR-1", "--completed", TODAY);
        EverydayWorkspace.Result forbidden = ws.direct("admin", "safeguard", "record", "ICE", "--type", "review",
                "--id", "SR-1", "--completed", TODAY);

        assertRefused(year, "(field year)", "whole number");
        assertRefused(missing, "(field completed)", "is required");
        assertRefused(future, "(field closed)", "in the future");
        assertRefused(stray, "(field severity)", "not a field of this event");
        assertRefused(action, "(field items[0].action)", "is required");
        assertRefused(type, "(field type)", "review, ssr");
        assertRefused(unknown, "NOT_FOUND", "'NOPE'");
        assertRefused(forbidden, "safeguards:record", "OPERATOR_FORBIDDEN");
        assertThat(Files.readString(dir.resolve("policies/safeguards/ice.yaml"))).isEqualTo(before);
        assertThat(events()).isEmpty();
    }

    @Test
    void throughTheRunningGatewayTheAnswerAndTheErrorsAreTheApis() throws Exception {
        EverydayWorkspace ws = new EverydayWorkspace(dir);
        JsonNode direct = JSON.readTree(ws.direct("officer", "safeguard", "record", "ICE", "--type", "finding-opened",
                "--id", "F-09", "--severity", "low", "--opened", TODAY, "--json").out());

        try (ApiGateway api = ApiGateway.start(dir, Map.of())) {
            EverydayWorkspace.Result remote = ws.remote(api, "officer", "safeguard", "record", "ICE", "--type",
                    "finding-closed", "--id", "F-09", "--closed", TODAY, "--json");
            EverydayWorkspace.Result year = ws.remote(api, "officer", "safeguard", "record", "ICE", "--type", "ssr",
                    "--year", "last", "--submitted", TODAY);
            EverydayWorkspace.Result unknown = ws.remote(api, "officer", "safeguard", "record", "NOPE", "--type",
                    "review", "--id", "SR-1", "--completed", TODAY);

            assertThat(remote.exit()).as(remote.err()).isZero();
            JsonNode answer = JSON.readTree(remote.out());
            assertThat(List.copyOf(fieldNames(answer))).isEqualTo(List.copyOf(fieldNames(direct)));
            assertThat(answer.path("before").asText()).isEqualTo(direct.path("after").asText());
            assertThat(answer.path("after").asText()).contains("F-09").contains("closed: " + TODAY);
            assertRefused(year, "(field year)", "whole number");
            assertRefused(unknown, "NOT_FOUND", "'NOPE'");
            assertThat(api.events(AuditEventType.SAFEGUARD_EVENT)).last()
                    .satisfies(e -> assertThat(e.entry().actor()).isEqualTo("officer"));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertRefused(EverydayWorkspace.Result result, String... said) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(said);
        assertThat(result.out()).isEmpty();
    }

    private List<AuditEvent> events() {
        try (Database database = Database.open(DatabaseSettings.embedded(dir.resolve("data")))) {
            return new AuditStore(database).list(AuditQuery.ALL).stream()
                    .filter(e -> e.type() == AuditEventType.SAFEGUARD_EVENT).toList();
        }
    }
}
