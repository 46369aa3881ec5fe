package org.safegate.keys.vault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.safegate.testing.TestClocks;

/**
 * An in-process stand-in for Vault's HTTP API, for contract tests only: it answers with the
 * response shapes real Vault sends (copied from Vault's API documentation) and records every
 * request exactly so tests can assert method, path, headers and body.
 *
 * <p>Tokens issued by an AppRole login have a lease on the stand-in's clock, as in Vault: once it
 * runs out, or once a token is revoked, every request carrying it is answered 403. Tokens the
 * stand-in did not issue (from the environment) never expire unless revoked.
 */
final class VaultStandIn implements AutoCloseable {
    record Request(String method, String path, String token, String namespace, String body) {
    }

    private record Answer(int status, String body) {
    }

    /** An issued token's lease: it works until {@code expires}, renewals extend it up to {@code maxExpires}. */
    private record Lease(Instant expires, Instant maxExpires, boolean renewable) {
    }

    /** What an AppRole role hands out: its tokens in turn, with the role's token_ttl and token_max_ttl. */
    private record Role(Deque<String> tokens, Duration ttl, Duration maxTtl, boolean renewable) {
    }

    private static final Pattern LOGIN = Pattern.compile("/v1/auth/([^/]+)/login");
    private static final Pattern SIGN = Pattern.compile("/v1/(.+)/sign/([^/]+)");
    private static final Pattern INCREMENT = Pattern.compile("\"increment\"\\s*:\\s*(-?\\d+)");

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Answer> failures = new ConcurrentHashMap<>();
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, TransitSigner> transitKeys = new ConcurrentHashMap<>();
    private final Clock clock;

    VaultStandIn(SSLContext tls) throws IOException {
        this(tls, TestClocks.caseDay());
    }

    /** A stand-in whose token leases run on {@code clock}. */
    VaultStandIn(SSLContext tls, Clock clock) throws IOException {
        this.clock = clock;
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
        failures.remove("GET " + apiPath);
        answers.put("GET " + apiPath, new Answer(200, "{\"request_id\":\"8a7e3b1c-0000-4000-8000-000000000001\","
                + "\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":{\"data\":{" + data + "},"
                + "\"metadata\":{\"created_time\":\"2026-11-01T10:00:00.000000Z\",\"custom_metadata\":null,"
                + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":3}},\"wrap_info\":null,\"warnings\":null,"
                + "\"auth\":null}"));
    }

    /**
     * A Transit engine at {@code mount} holding the key {@code name} (version 1), which signs as
     * Vault's transit/sign endpoint does; the engine answers for other names as Vault does for a
     * key that does not exist.
     */
    void transitKey(String mount, String name, PrivateKey key) {
        transitKeys.put(mount + "/sign/" + name, new TransitSigner(key));
    }

    /** What a sealed (or standby, overloaded) Vault answers, to any token, until the path is served again. */
    void unavailable(String method, String apiPath) {
        failures.put(method + " " + apiPath, new Answer(503, "{\"errors\":[\"Vault is sealed\"]}"));
    }

    /** What Vault answers when no policy of the token allows the path. */
    void permissionDenied(String method, String apiPath) {
        failures.put(method + " " + apiPath, new Answer(403, "{\"errors\":[\"permission denied\"]}"));
    }

    /** The path answers as before the failure set by {@link #unavailable} or {@link #permissionDenied}. */
    void recover(String method, String apiPath) {
        failures.remove(method + " " + apiPath);
    }

    /** AppRole login answer: the token is in auth.client_token, with a renewable 20-minute lease. */
    void appRoleLogin(String mount, String clientToken) {
        appRoleLogins(mount, Duration.ofMinutes(20), Duration.ofHours(1), true, clientToken);
    }

    /**
     * Each AppRole login at {@code mount} issues the next of {@code clientTokens} (the last one
     * again once they run out) with a lease of {@code ttl}, renewable (if {@code renewable}) up to
     * {@code maxTtl} after the login, as a role's token_ttl, token_max_ttl settings would.
     */
    void appRoleLogins(String mount, Duration ttl, Duration maxTtl, boolean renewable, String... clientTokens) {
        roles.put(mount, new Role(new ArrayDeque<>(List.of(clientTokens)), ttl, maxTtl, renewable));
    }

    /** The token stops working, as after {@code vault token revoke} or a restore of Vault's storage. */
    void revoke(String token) {
        revoked.add(token);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized Answer answer(String method, String path, String token, String body) {
        Answer failure = failures.get(method + " " + path);
        if (failure != null) {
            return failure;
        }
        Matcher login = LOGIN.matcher(path);
        if (method.equals("POST") && login.matches() && roles.containsKey(login.group(1))) {
            return login(roles.get(login.group(1)));
        }
        Instant now = clock.instant();
        Lease lease = token == null ? null : leases.get(token);
        if (token != null && (revoked.contains(token) || lease != null && !now.isBefore(lease.expires()))) {
            return new Answer(403, "{\"errors\":[\"permission denied\"]}");
        }
        if (method.equals("GET") && path.equals("/v1/auth/token/lookup-self") && token != null) {
            return lookupSelf(token, lease, now);
        }
        if (method.equals("POST") && path.equals("/v1/auth/token/renew-self") && token != null) {
            return renewSelf(token, lease, body, now);
        }
        Matcher sign = SIGN.matcher(path);
        if (method.equals("POST") && sign.matches()) {
            return transitSign(sign.group(1), sign.group(1) + "/sign/" + sign.group(2), path, body);
        }
        // real Vault answers an unknown KV v2 path with 404 and an empty error list
        return answers.getOrDefault(method + " " + path, new Answer(404, "{\"errors\":[]}"));
    }

    /** transit/sign/:name: the signature under data.signature, prefixed with the key version. */
    private Answer transitSign(String mount, String keyPath, String path, String body) {
        if (transitKeys.keySet().stream().noneMatch(k -> k.startsWith(mount + "/sign/"))) {
            return new Answer(404, "{\"errors\":[\"no handler for route \\\"" + path.substring("/v1/".length())
                    + "\\\". route entry not found.\"]}");
        }
        TransitSigner key = transitKeys.get(keyPath);
        if (key == null) {
            return new Answer(400, "{\"errors\":[\"encryption key not found\"]}");
        }
        return new Answer(200, "{\"request_id\":\"8a7e3b1c-0000-4000-8000-000000000005\",\"lease_id\":\"\","
                + "\"renewable\":false,\"lease_duration\":0,\"data\":{\"key_version\":1,\"signature\":"
                + json("vault:v1:" + Base64.getEncoder().encodeToString(key.sign(body))) + "},"
                + "\"wrap_info\":null,\"warnings\":null,\"auth\":null}");
    }

    private Answer login(Role role) {
        String token = role.tokens().size() > 1 ? role.tokens().removeFirst() : role.tokens().getFirst();
        Instant now = clock.instant();
        leases.put(token, new Lease(now.plus(role.ttl()), now.plus(role.maxTtl()), role.renewable()));
        return new Answer(200, authAnswer("8a7e3b1c-0000-4000-8000-000000000002", token, role.ttl().toSeconds(),
                role.renewable()));
    }

    /** auth/token/lookup-self: the token's own properties under data, its remaining TTL in data.ttl. */
    private static Answer lookupSelf(String token, Lease lease, Instant now) {
        long ttl = lease == null ? 0 : Duration.between(now, lease.expires()).toSeconds();
        boolean renewable = lease != null && lease.renewable();
        return new Answer(200, "{\"request_id\":\"8a7e3b1c-0000-4000-8000-000000000003\",\"lease_id\":\"\","
                + "\"renewable\":false,\"lease_duration\":0,\"data\":{\"accessor\":\"0e9e354a-520f-df04-6867-"
                + "ee81cae3d42d\",\"creation_time\":1795953600,\"creation_ttl\":" + ttl + ",\"display_name\":"
                + "\"approle\",\"entity_id\":\"\",\"expire_time\":null,\"explicit_max_ttl\":0,\"id\":" + json(token)
                + ",\"issue_time\":\"2026-12-01T12:00:00Z\",\"meta\":{\"role_name\":\"safegate\"},\"num_uses\":0,"
                + "\"orphan\":true,\"path\":\"auth/approle/login\",\"policies\":[\"default\",\"safegate\"],"
                + "\"renewable\":" + renewable + ",\"ttl\":" + ttl + ",\"type\":\"service\"},\"wrap_info\":null,"
                + "\"warnings\":null,\"auth\":null}");
    }

    /**
     * auth/token/renew-self: the lease is extended by the increment asked for, but never past the
     * token's max TTL; the answer has the login's shape with the new auth.lease_duration.
     */
    private Answer renewSelf(String token, Lease lease, String body, Instant now) {
        if (lease == null || !lease.renewable()) {
            return new Answer(400, "{\"errors\":[\"lease is not renewable\"]}");
        }
        Matcher increment = INCREMENT.matcher(body);
        Duration asked = Duration.ofSeconds(increment.find() ? Long.parseLong(increment.group(1)) : 0);
        Instant expires = now.plus(asked).isAfter(lease.maxExpires()) ? lease.maxExpires() : now.plus(asked);
        leases.put(token, new Lease(expires, lease.maxExpires(), true));
        return new Answer(200, authAnswer("8a7e3b1c-0000-4000-8000-000000000004", token,
                Duration.between(now, expires).toSeconds(), true));
    }

    private static String authAnswer(String requestId, String clientToken, long leaseSeconds, boolean renewable) {
        return "{\"request_id\":" + json(requestId) + ",\"lease_id\":\"\",\"renewable\":false,"
                + "\"lease_duration\":0,\"data\":null,\"wrap_info\":null,\"warnings\":null,\"auth\":{"
                + "\"client_token\":" + json(clientToken) + ",\"accessor\":\"0e9e354a-520f-df04-6867-ee81cae3d42d\","
                + "\"policies\":[\"default\",\"safegate\"],\"token_policies\":[\"default\",\"safegate\"],"
                + "\"metadata\":{\"role_name\":\"safegate\"},\"lease_duration\":" + leaseSeconds + ",\"renewable\":"
                + renewable + ",\"entity_id\":\"\",\"token_type\":\"service\",\"orphan\":true}}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        requests.add(new Request(exchange.getRequestMethod(), path, token,
                exchange.getRequestHeaders().getFirst("X-Vault-Namespace"), body));
        Answer answer = answer(exchange.getRequestMethod(), path, token, body);
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

    /**
     * Signs as Transit does: the input hashed with SHA-256 (only sha2-256, not prehashed, is
     * supported here); an RSA key pads with PSS unless the request asks for pkcs1v15, as Vault's
     * default is PSS; an ECDSA key answers DER (marshaling asn1).
     */
    private record TransitSigner(PrivateKey key) {
        private static final Pattern INPUT = Pattern.compile("\"input\":\"([^\"]*)\"");

        byte[] sign(String body) {
            Matcher input = INPUT.matcher(body);
            if (!input.find() || !body.contains("\"hash_algorithm\":\"sha2-256\"")
                    || !body.contains("\"prehashed\":false")) {
                throw new IllegalStateException("the stand-in signs base64 input with sha2-256 only: " + body);
            }
            try {
                Signature signature;
                if (key.getAlgorithm().equals("RSA") && !body.contains("\"signature_algorithm\":\"pkcs1v15\"")) {
                    signature = Signature.getInstance("RSASSA-PSS");
                    signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                } else {
                    signature = Signature.getInstance(key.getAlgorithm().equals("RSA") ? "SHA256withRSA"
                            : "SHA256withECDSA");
                }
                signature.initSign(key);
                signature.update(Base64.getDecoder().decode(input.group(1)));
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
