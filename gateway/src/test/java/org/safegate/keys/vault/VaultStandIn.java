package org.safegate.keys.vault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * An in-process stand-in for Vault's HTTP API, for contract tests only: it answers with the
 * response shapes real Vault sends (copied from Vault's API documentation) and records every
 * request exactly so tests can assert method, path, headers and body.
 */
final class VaultStandIn implements AutoCloseable {
    record Request(String method, String path, String token, String namespace, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    VaultStandIn(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    String address() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** KV v2 read answer: the secret's fields under data.data, with metadata beside them. */
    void kv2Secret(String apiPath, Map<String, String> fields) {
        StringBuilder data = new StringBuilder();
        fields.forEach((k, v) -> data.append(data.length() == 0 ? "" : ",").append(json(k)).append(':').append(json(v)));
        answers.put("GET " + apiPath, new Answer(200, "{\"request_id\":\"8a7e3b1c-0000-4000-8000-000000000001\","
                + "\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":{\"data\":{" + data + "},"
                + "\"metadata\":{\"created_time\":\"2026-11-01T10:00:00.000000Z\",\"custom_metadata\":null,"
                + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":3}},\"wrap_info\":null,\"warnings\":null,"
                + "\"auth\":null}"));
    }

    /** What a sealed (or standby, overloaded) Vault answers. */
    void unavailable(String method, String apiPath) {
        answers.put(method + " " + apiPath, new Answer(503, "{\"errors\":[\"Vault is sealed\"]}"));
    }

    void permissionDenied(String method, String apiPath) {
        answers.put(method + " " + apiPath, new Answer(403, "{\"errors\":[\"permission denied\"]}"));
    }

    /** AppRole login answer: the token is in auth.client_token. */
    void appRoleLogin(String mount, String clientToken) {
        answers.put("POST /v1/auth/" + mount + "/login", new Answer(200, "{\"request_id\":\"8a7e3b1c-0000-4000-8000-"
                + "000000000002\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":null,"
                + "\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":" + json(clientToken)
                + ",\"accessor\":\"0e9e354a-520f-df04-6867-ee81cae3d42d\",\"policies\":[\"default\",\"safegate\"],"
                + "\"token_policies\":[\"default\",\"safegate\"],\"metadata\":{\"role_name\":\"safegate\"},"
                + "\"lease_duration\":1200,\"renewable\":true,\"entity_id\":\"\",\"token_type\":\"service\","
                + "\"orphan\":true}}"));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("X-Vault-Token"),
                exchange.getRequestHeaders().getFirst("X-Vault-Namespace"), body));
        // real Vault answers an unknown KV v2 path with 404 and an empty error list
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                new Answer(404, "{\"errors\":[]}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
