package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** The admin API answers an operator service's error with the status and body its clients rely on. */
class ErrorStatusesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "BAD_INPUT,           400, BAD_INPUT",
            "NOT_FOUND,           404, NOT_FOUND",
            "CONFLICT,            409, CONFLICT",
            "NOT_REVOKED,         409, NOT_REVOKED",
            "NO_TOKENS_TO_REVOKE, 409, NO_TOKENS_TO_REVOKE",
            "SELF_UNLOCK,         403, SELF_UNLOCK",
            "POLICY_FOLDER_INVALID, 409, POLICY_INVALID"})
    void anOperatorErrorIsAnsweredWithItsStatusCodeAndMessage(ErrorCode code, int status, String wire)
            throws IOException {
        ApiResponse response = ErrorStatuses.response(new SafegateException(code, "what is wrong"));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(Problems.CONTENT_TYPE);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(wire);
        assertThat(body.path("type").asText()).isEqualTo("urn:safegate:problem:"
                + wire.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(body.path("detail").asText()).isEqualTo("what is wrong");
        assertThat(body.path("message").asText()).isEqualTo("what is wrong");
        assertThat(body.has("field")).isFalse();
        assertThat(body.size()).isEqualTo(6);
    }

    @Test
    void aBadInputNamesTheField() throws IOException {
        ApiResponse response = ErrorStatuses.response(SafegateException.invalid("reason", "a reason is required"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body())).isEqualTo(problem("bad-input", "Bad input", 400, "BAD_INPUT",
                "a reason is required").put("field", "reason"));
    }

    @Test
    void aNotFoundMayNameTheField() throws IOException {
        ApiResponse response = ErrorStatuses.response(
                SafegateException.about(ErrorCode.NOT_FOUND, "token", "operator olga has no API token named 'x'"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(MAPPER.readTree(response.body())).isEqualTo(problem("not-found", "Not found", 404, "NOT_FOUND",
                "operator olga has no API token named 'x'").put("field", "token"));
    }

    @Test
    void anyOtherInputErrorIsBadInputUnderItsOwnCode() throws IOException {
        ApiResponse response = ErrorStatuses.response(new SafegateException(ErrorCode.POLICY_INVALID, "two errors"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(MAPPER.readTree(response.body())).isEqualTo(problem("policy-invalid", "Bad input", 400, "POLICY_INVALID",
                "two errors"));
    }

    @Test
    void aFailureInsideTheGatewayIsUnavailableWithoutItsDetail() throws IOException {
        ApiResponse response = ErrorStatuses.response(
                new SafegateException(ErrorCode.STORE_FAILURE, "database locked at /secret/path"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(MAPPER.readTree(response.body())).isEqualTo(problem("store-failure", "Unavailable", 503,
                "STORE_FAILURE", "the gateway cannot do this now; see its log"));
        assertThat(ErrorStatuses.isOperatorError(ErrorCode.STORE_FAILURE)).isFalse();
        assertThat(ErrorStatuses.isOperatorError(ErrorCode.NOT_REVOKED)).isTrue();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode problem(String type, String title, int status,
                                                                          String code, String detail) {
        return MAPPER.createObjectNode().put("type", "urn:safegate:problem:" + type).put("title", title)
                .put("status", status).put("detail", detail).put("code", code).put("message", detail);
    }
}
