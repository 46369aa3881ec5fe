package org.safegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.PemFiles;

/**
 * A client of a running gateway's admin API, over HTTPS only. An error answer becomes an
 * {@link ApiRefusal} naming the server's status and its words (a 4xx exits 2, anything else 3); a
 * certificate the client does not trust is named, with the way to trust it.
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI server;
    private final String authorization;
    private final RecordingTrust trust;
    private final String trusted;

    private ApiClient(HttpClient http, URI server, String authorization, RecordingTrust trust, String trusted) {
        this.http = http;
        this.server = server;
        this.authorization = authorization;
        this.trust = trust;
        this.trusted = trusted;
    }

    /** Trusting the certificates of {@code --ca FILE}, or the JDK's default CAs without one. */
    static ApiClient connect(URI server, Path ca, OperatorCredentials credentials) {
        return connect(server, ca, ca == null ? "the JDK's default CAs" : "--ca " + ca, credentials);
    }

    /**
     * Trusting the certificates in {@code trustFile} (a CA's, or the server's own with its chain),
     * or the JDK's default CAs when it is null; {@code trusted} says where they came from.
     */
    static ApiClient connect(URI server, Path trustFile, String trusted, OperatorCredentials credentials) {
        if (!"https".equalsIgnoreCase(server.getScheme())) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--server must be an https:// URL: the admin API"
                    + " never serves plain HTTP");
        }
        RecordingTrust trust = trusting(trustFile);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        try {
            builder.sslContext(trust.context());
        } catch (GeneralSecurityException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot set up TLS: " + e.getMessage(), e);
        }
        return new ApiClient(builder.build(), server, credentials.authorizationHeader(), trust, trusted);
    }

    /** GET; the body of a 2xx answer. */
    String get(String path) {
        return send(request(path).GET());
    }

    /** GET into a file; the answer is written only when it is a 2xx. */
    void download(String path, Path target) {
        HttpResponse<Path> response = exchange(request(path).GET(), HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() / 100 != 2) {
            String body;
            try {
                body = java.nio.file.Files.readString(target);
                java.nio.file.Files.deleteIfExists(target);
            } catch (IOException e) {
                body = "";
            }
            throw problem(response.statusCode(), body);
        }
    }

    /** POST a JSON body; the body of a 2xx answer. */
    String post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw problem(response.statusCode(), response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            if (trust.refused().isPresent()) {
                throw untrusted(trust.refused().get(), e);
            }
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot reach " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SafegateException(ErrorCode.IO_FAILURE, "interrupted", e);
        }
    }

    /** The server's words: an RFC 9457 problem's detail, or the older {code, message} body. */
    private SafegateException problem(int status, String body) {
        String detail = "(no explanation in the answer)";
        try {
            JsonNode error = JSON.readTree(body);
            String words = error.hasNonNull("detail") ? error.get("detail").asText() : error.path("message").asText();
            String code = error.path("code").asText("");
            detail = words + (code.isEmpty() || code.equals(ApiRefusal.statusName(status)) ? "" : " [" + code + "]")
                    + (error.hasNonNull("field") ? " (field " + error.get("field").asText() + ")" : "");
            for (JsonNode item : error.path("errors")) {
                detail += System.lineSeparator() + "  " + item.path("file").asText() + ":" + item.path("line").asText()
                        + " " + item.path("field").asText() + ": " + item.path("message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // the status alone says enough
        }
        return new ApiRefusal(status, detail);
    }

    private SafegateException untrusted(RecordingTrust.Refused refused, IOException e) {
        String why = refused.reason() != null && refused.reason().contains("PKIX")
                ? "it does not chain to a certificate this command trusts (" + trusted + ")"
                : refused.reason() + " (trusting " + trusted + ")";
        return new SafegateException(ErrorCode.CERT_UNTRUSTED, server + " presented a certificate this command does"
                + " not trust: subject " + refused.certificate().getSubjectX500Principal().getName() + ", issuer "
                + refused.certificate().getIssuerX500Principal().getName() + ": " + why + ". Pass --ca FILE with the"
                + " PEM certificate of the CA that issued it (or the server's own certificate), or --config FILE of"
                + " the gateway, whose safegate.api.tls.cert is then trusted", e);
    }

    private static RecordingTrust trusting(Path ca) {
        try {
            if (ca == null) {
                return RecordingTrust.of(null);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (var certificate : PemFiles.readCertificates(ca)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            return RecordingTrust.of(trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot trust " + ca + ": " + e.getMessage(), e);
        }
    }
}
