package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safegate.audit.AuditEventType;

/**
 * Bad input to every write endpoint (and the query parameters of the read ones), one fixture per
 * case. Result: a JSON error naming the field, and nothing changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVOKE = "/api/agencies/ICE/revoke";
    private static final String REINSTATE = "/api/agencies/ICE/reinstate";
    private static final String SAFEGUARDS = "/api/agencies/ICE/safeguards/events";
    private static final String AGREEMENT_REVOKE = "/api/agreements/IRS-ICE-2025/revoke";
    private static final String AGREEMENT_REINSTATE = "/api/agreements/IRS-ICE-2025/reinstate";
    /** Whatever a refused write might have done, it must not leave one of these in the log. */
    private static final List<AuditEventType> CHANGES = List.of(AuditEventType.AGENCY_REVOKED,
            AuditEventType.AGENCY_REINSTATED, AuditEventType.AGREEMENT_REVOKED, AuditEventType.AGREEMENT_REINSTATED,
            AuditEventType.SAFEGUARD_EVENT);

    ApiGateway api;

    @BeforeAll
    void start(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, java.util.Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                // path, fixture, content type, status, code, field
                Arguments.of(REVOKE, "missing-reason.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(REVOKE, "reason-a-number.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(REVOKE, "reason-a-list.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(REVOKE, "reason-blank.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(REVOKE, "unknown-field.json", "application/json", 400, "BAD_INPUT", "until"),
                Arguments.of(REVOKE, "malformed.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(REVOKE, "not-an-object.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(REVOKE, "empty.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(REVOKE, "duplicate-field.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(REVOKE, "two-documents.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(REVOKE, "form-encoded.txt", "application/x-www-form-urlencoded", 415,
                        "UNSUPPORTED_MEDIA_TYPE", "Content-Type"),
                Arguments.of("/api/agencies/NOPE/revoke", "valid.json", "application/json", 404, "NOT_FOUND", null),
                Arguments.of(REINSTATE, "missing-reason.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(REINSTATE, "reason-a-number.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(REINSTATE, "malformed.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(REINSTATE, "not-an-object.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of("/api/agencies/NOPE/reinstate", "valid.json", "application/json", 404, "NOT_FOUND", null),
                Arguments.of(REINSTATE, "valid.json", "application/json", 409, "NOT_REVOKED", null),
                Arguments.of(SAFEGUARDS, "malformed.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(SAFEGUARDS, "not-an-object.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(SAFEGUARDS, "empty.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(SAFEGUARDS, "form-encoded.txt", "application/x-www-form-urlencoded", 415,
                        "UNSUPPORTED_MEDIA_TYPE", "Content-Type"),
                Arguments.of("/api/agencies/NOPE/safeguards/events", "valid.json", "application/json", 404,
                        "NOT_FOUND", null),
                Arguments.of(SAFEGUARDS, "event-unknown-type.json", "application/json", 400, "BAD_INPUT", "type"),
                Arguments.of(SAFEGUARDS, "event-review-without-date.json", "application/json", 400, "BAD_INPUT",
                        "completed"),
                Arguments.of(SAFEGUARDS, "event-impossible-date.json", "application/json", 400, "BAD_INPUT",
                        "completed"),
                Arguments.of(SAFEGUARDS, "event-year-as-text.json", "application/json", 400, "BAD_INPUT", "year"),
                Arguments.of(SAFEGUARDS, "event-cap-item-bad-date.json", "application/json", 400, "BAD_INPUT",
                        "items[0].implementation-date"),
                Arguments.of(AGREEMENT_REVOKE, "missing-reason.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(AGREEMENT_REVOKE, "reason-a-number.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(AGREEMENT_REVOKE, "reason-a-list.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(AGREEMENT_REVOKE, "reason-blank.json", "application/json", 400, "BAD_INPUT", "reason"),
                Arguments.of(AGREEMENT_REVOKE, "unknown-field.json", "application/json", 400, "BAD_INPUT", "until"),
                Arguments.of(AGREEMENT_REVOKE, "malformed.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(AGREEMENT_REVOKE, "not-an-object.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(AGREEMENT_REVOKE, "empty.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of(AGREEMENT_REVOKE, "form-encoded.txt", "application/x-www-form-urlencoded", 415,
                        "UNSUPPORTED_MEDIA_TYPE", "Content-Type"),
                Arguments.of("/api/agreements/NOPE-2025/revoke", "valid.json", "application/json", 404, "NOT_FOUND",
                        null),
                Arguments.of(AGREEMENT_REINSTATE, "missing-reason.json", "application/json", 400, "BAD_INPUT",
                        "reason"),
                Arguments.of(AGREEMENT_REINSTATE, "reason-a-number.json", "application/json", 400, "BAD_INPUT",
                        "reason"),
                Arguments.of(AGREEMENT_REINSTATE, "malformed.json", "application/json", 400, "BAD_INPUT", "body"),
                Arguments.of("/api/agreements/NOPE-2025/reinstate", "valid.json", "application/json", 404,
                        "NOT_FOUND", null),
                Arguments.of(AGREEMENT_REINSTATE, "valid.json", "application/json", 409, "NOT_REVOKED", null));
    }

    @ParameterizedTest(name = "POST {0} with {1}: {3} {4} naming {5}")
    @MethodSource("writes")
    void badWritesAreRefusedNamingTheField(String path, String fixture, String contentType, int status, String code,
                                           String field) throws Exception {
        Map<AuditEventType, Integer> before = changes();
        String iceSafeguards = Files.readString(api.workspace.resolve("policies/safeguards/ice.yaml"));

        HttpResponse<String> response = api.call("POST", path, ApiGateway.basic("officer",
                ApiGateway.PASSWORDS.get("officer")), contentType, fixture(fixture));

        assertError(response, status, code, field);
        assertThat(changes()).isEqualTo(before);
        assertThat(api.gateway.revocations().inForce("ICE")).isEmpty();
        assertThat(api.gateway.revocations().agreementInForce("IRS-ICE-2025")).isEmpty();
        assertThat(api.workspace.resolve("policies/safeguards/ice.yaml")).hasContent(iceSafeguards);
    }

    private Map<AuditEventType, Integer> changes() {
        Map<AuditEventType, Integer> counts = new java.util.EnumMap<>(AuditEventType.class);
        CHANGES.forEach(type -> counts.put(type, api.events(type).size()));
        return counts;
    }

    @Test
    void releasingAnUnknownTransferIsNotFound() throws Exception {
        long released = api.events(AuditEventType.TRANSFER_RELEASED).size();

        assertError(api.postJson("/api/transfers/T-none/release", "admin", "{}"), 404, "NOT_FOUND", null);
        assertError(api.postJson("/api/transfers/held-000000000000000000000000/release", "admin", "{}"), 404,
                "NOT_FOUND", null);

        assertThat(api.events(AuditEventType.TRANSFER_RELEASED)).hasSize((int) released);
    }

    @Test
    void aTransferAlreadyReleasedIsAConflictAndStaysReleasedOnce() throws Exception {
        api.drop("DOJ", "DOJ-ICE-2024", "twice.csv", "tin,name,address\n123456789,Jane Roe,1 Main St\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> quarantined("twice.csv").isPresent());
        String id = quarantined("twice.csv").orElseThrow();
        HttpResponse<String> first = api.postJson("/api/transfers/" + id + "/release", "admin", "{}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        assertError(api.postJson("/api/transfers/" + id + "/release", "admin", "{}"), 409, "CONFLICT", null);

        assertThat(api.events(AuditEventType.TRANSFER_RELEASED)).filteredOn(e -> id.equals(e.entry().transferId()))
                .hasSize(1);
    }

    /** The id of the quarantined transfer of that name, as the API lists it. */
    private java.util.Optional<String> quarantined(String name) throws Exception {
        JsonNode list = JSON.readTree(api.get("/api/transfers?state=quarantined", "admin").body());
        for (JsonNode transfer : list.path("transfers")) {
            if (name.equals(transfer.path("name").asText())) {
                return java.util.Optional.of(transfer.path("id").asText());
            }
        }
        return java.util.Optional.empty();
    }

    static Stream<Arguments> oversizedBodies() {
        return Stream.of(Arguments.of(REVOKE, 100 * 1024), Arguments.of(SAFEGUARDS, 100 * 1024),
                Arguments.of(REVOKE, 2 * 1024 * 1024));
    }

    @ParameterizedTest(name = "POST {0} with {1} bytes: 413")
    @MethodSource("oversizedBodies")
    void oversizedBodiesAreRefused(String path, int size) throws Exception {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';

        HttpResponse<String> response = api.call("POST", path, ApiGateway.basic("officer",
                ApiGateway.PASSWORDS.get("officer")), "application/json", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(api.gateway.revocations().inForce("ICE")).isEmpty();
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("auditor", "/api/policy/status?at=2026-02-30", "at"),
                Arguments.of("auditor", "/api/policy/status?at=tomorrow", "at"),
                Arguments.of("auditor", "/api/audit/events?outcome=lost", "outcome"),
                Arguments.of("auditor", "/api/audit/events?from=2026-13-01", "from"),
                Arguments.of("auditor", "/api/audit/events?from=2026-05-02&to=2026-05-01", "to"),
                Arguments.of("auditor", "/api/audit/events?limit=0", "limit"),
                Arguments.of("auditor", "/api/audit/events?limit=many", "limit"),
                Arguments.of("auditor", "/api/audit/events?agencyy=ICE", "agencyy"),
                Arguments.of("auditor", "/api/audit/export", "format"),
                Arguments.of("auditor", "/api/audit/export?format=xml", "format"),
                Arguments.of("auditor", "/api/audit/report?to=someday", "to"),
                Arguments.of("auditor", "/api/audit/report?agency=ICE", "agency"),
                Arguments.of("admin", "/api/transfers?state=lost", "state"));
    }

    @ParameterizedTest(name = "{0} GET {1}: 400 naming {2}")
    @MethodSource("badQueries")
    void badQueryParametersAreRefusedNamingTheParameter(String operator, String path, String field) throws Exception {
        assertError(api.get(path, operator), 400, "BAD_INPUT", field);
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        assertError(api.get("/api/agencies/NOPE", "admin"), 404, "NOT_FOUND", null);
        assertError(api.get("/api/audit/events/T-does-not-exist", "auditor"), 404, "NOT_FOUND", null);
    }

    @Test
    void anInvalidPolicyFolderIsNotLoadedAndEveryProblemIsNamed() throws Exception {
        Path broken = api.workspace.resolve("policies/agreements/broken.yaml");
        Files.writeString(broken, "id: BROKEN\nprovider: IRS\nrecipient: NOWHERE\n");
        try {
            HttpResponse<String> response = api.call("POST", "/api/policy/reload", ApiGateway.basic("admin",
                    ApiGateway.PASSWORDS.get("admin")), null, null);

            assertThat(response.statusCode()).isEqualTo(409);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("code").asText()).isEqualTo("POLICY_INVALID");
            assertThat(body.path("errors").toString()).contains("broken.yaml");
            assertThat(api.gateway.policies().get().agreement("BROKEN")).isEmpty();
        } finally {
            Files.delete(broken);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String field)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        if (field == null) {
            assertThat(body.has("field")).isFalse();
        } else {
            assertThat(body.path("field").asText()).isEqualTo(field);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = AdminApiBadInputTest.class.getResourceAsStream("AdminApiBadInputTest/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
