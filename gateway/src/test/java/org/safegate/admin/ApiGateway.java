package org.safegate.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.config.ApiSettings;
import org.safegate.config.Settings;
import org.safegate.app.Gateway;
import org.safegate.app.GatewayRunner;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;

/**
 * A real gateway with its admin API on HTTPS, in a workspace with copies of the example policies
 * (and their example operators), the INSECURE example keys and TLS certificate, the embedded store; and an
 * HTTPS client that trusts the example CA, as an operator's would.
 */
public final class ApiGateway implements AutoCloseable {
    static final Map<String, String> PASSWORDS = Map.of("admin", "admin-INSECURE-example",
            "officer", "officer-INSECURE-example", "auditor", "auditor-INSECURE-example");

    public final Path workspace;
    public final Gateway gateway;
    public final int port;
    private final AutoCloseable running;
    private final SSLContext tls;
    private final HttpClient client;

    private ApiGateway(Path workspace, Gateway gateway, int port, AutoCloseable running, SSLContext tls) {
        this.workspace = workspace;
        this.gateway = gateway;
        this.port = port;
        this.running = running;
        this.tls = tls;
        this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Copies policies and keys into the workspace and starts the gateway with the API. */
    public static ApiGateway start(Path workspace, Map<String, String> extra) throws Exception {
        return start(workspace, extra, TestClocks.runningFromCaseDay());
    }

    /** As {@link #start(Path, Map)}, on another clock (a later day of the same workspace). */
    public static ApiGateway start(Path workspace, Map<String, String> extra, java.time.Clock clock) throws Exception {
        Path root = TestFiles.repositoryRoot();
        copyExamples(workspace);
        int port = freePort();
        Map<String, String> values = new HashMap<>(Map.of("safegate.keys", "file:keys-example",
                ApiSettings.PORT, Integer.toString(port), ApiSettings.TLS_CERT, "keys-example/api/tls.crt",
                ApiSettings.TLS_KEY, "keys-example/api/tls.key"));
        values.putAll(extra);
        Settings settings = Settings.of(values);
        Gateway gateway = Gateway.open(settings, Map.of(), workspace, clock);
        try {
            AutoCloseable running = new GatewayRunner(gateway, ApiSettings.from(settings, workspace))
                    .start(Duration.ofSeconds(60));
            return new ApiGateway(workspace, gateway, port, running, tls(root.resolve("keys-example/ca/ca.crt")));
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    HttpResponse<String> call(String method, String path, String authorization, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String operator) throws IOException, InterruptedException {
        return call("GET", path, operator == null ? null : basic(operator, PASSWORDS.get(operator)), null, null);
    }

    HttpResponse<String> postJson(String path, String operator, String json) throws IOException, InterruptedException {
        return call("POST", path, basic(operator, PASSWORDS.get(operator)), "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request without waiting for the answer, so that many run at once. */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> callAsync(String method, String path,
                                                                          String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", authorization);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A GET sent from another local address (any of 127.0.0.0/8 reaches the server on 127.0.0.1),
     * as a client elsewhere would; its status (as "status") and headers, lower-cased names.
     */
    Map<String, String> getFrom(String localAddress, String path, String authorization) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getByName("127.0.0.1"),
                port, InetAddress.getByName(localAddress), 0)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            Map<String, String> head = new HashMap<>();
            head.put("status", in.readLine().split(" ")[1]);
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                head.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            return head;
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public List<AuditEvent> events(AuditEventType type) {
        return new AuditStore(gateway.database()).list(new AuditQuery(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Set.of(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty())).stream()
                .filter(e -> e.type() == type).toList();
    }

    /** Drops a file into the agency's outbox as a sender does: written hidden, then renamed. */
    Path drop(String agency, String agreement, String name, String content) throws IOException {
        Path folder = workspace.resolve("work").resolve(agency).resolve("outbox").resolve(agreement);
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name);
        Files.writeString(hidden, content);
        return Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    Path receipts(String agency, String agreement) {
        return workspace.resolve("work").resolve(agency).resolve("inbox").resolve("receipts").resolve(agreement);
    }

    @Override
    public void close() throws Exception {
        try {
            running.close();
        } finally {
            gateway.close();
        }
    }

    private static SSLContext tls(Path caCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Copies the example policies and the INSECURE example keys into the workspace (keeping files already there). */
    public static void copyExamples(Path workspace) throws IOException {
        Path root = TestFiles.repositoryRoot();
        TestFiles.copyTree(root.resolve("policies"), workspace.resolve("policies"));
        TestFiles.copyTree(root.resolve("keys-example"), workspace.resolve("keys-example"));
    }
}
