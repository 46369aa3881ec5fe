package org.safegate.route;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.admin.AdminApi;
import org.safegate.admin.ApiOperation;
import org.safegate.admin.ApiRequest;
import org.safegate.admin.ApiResponse;
import org.safegate.app.Gateway;
import org.safegate.config.ApiSettings;
import org.safegate.config.Settings;
import org.safegate.testing.TestClocks;

/** The REST routes of the admin API and its OpenAPI document describe the same operations. */
class AdminRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    @Test
    void everyRestRouteAppearsInTheOpenApiDocumentAndNothingElseDoes() throws Exception {
        org.safegate.admin.ApiGateway.copyExamples(workspace);
        Settings settings = Settings.of(Map.of("safegate.keys", "file:keys-example"));
        Clock clock = TestClocks.runningFromCaseDay();
        try (Gateway gateway = Gateway.open(settings, Map.of(), workspace, clock)) {
            AdminApi api = AdminApi.create(gateway.adminServices(new org.safegate.admin.TransferTimings()),
                    ApiSettings.from(settings, workspace), clock, "test");
            JsonNode paths = openApi(api).path("paths");
            List<String> routes = new ArrayList<>();
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                context.addRoutes(new AdminRoutes(api));
                for (RestDefinition rest : ((ModelCamelContext) context).getRestDefinitions()) {
                    for (VerbDefinition verb : rest.getVerbs()) {
                        String path = (rest.getPath() == null ? "" : rest.getPath()) + verb.getPath();
                        routes.add(verb.asVerb().toUpperCase(Locale.ROOT) + " " + path);
                        assertThat(paths.path(path).has(verb.asVerb().toLowerCase(Locale.ROOT)))
                                .as(verb.asVerb() + " " + path + " in openapi.json").isTrue();
                    }
                }
            }
            List<String> documented = new ArrayList<>();
            paths.fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
            assertThat(routes).hasSize(ApiOperation.values().length).containsExactlyInAnyOrderElementsOf(documented);
            assertThat(paths.path("/api/agencies/{id}/revoke").path("post").path("x-safegate-permission").asText())
                    .isEqualTo("agencies:revoke");
        }
    }

    private static JsonNode openApi(AdminApi api) throws Exception {
        ApiResponse response = api.handle(ApiOperation.OPENAPI, new ApiRequest(Map.of(), new HashMap<>(),
                java.util.Optional.empty(), "test", java.util.Optional.empty(), null));
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.");
        return document;
    }
}
