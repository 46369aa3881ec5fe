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
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.PemFiles;

/**
 * A client of a running gateway's admin API, over HTTPS only. A 4xx answer becomes an input error
 * carrying the API's code and message (exit 2), anything else a failure (exit 3).
 */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI server;
    private final String authorization;

    private ApiClient(HttpClient http, URI server, String authorization) {
        this.http = http;
        this.server = server;
        this.authorization = authorization;
    }

    static ApiClient connect(URI server, Path ca, OperatorCredentials credentials) {
        if (!"https".equalsIgnoreCase(server.getScheme())) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--server must be an https:// URL: the admin API"
                    + " never serves plain HTTP");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (ca != null) {
            builder.sslContext(trusting(ca));
        }
        return new ApiClient(builder.build(), server, credentials.authorizationHeader());
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
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot reach " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SafegateException(ErrorCode.IO_FAILURE, "interrupted", e);
        }
    }

    private SafegateException problem(int status, String body) {
        String message = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(body);
            message = status + " " + error.path("code").asText() + ": " + error.path("message").asText()
                    + (error.hasNonNull("field") ? " (field " + error.get("field").asText() + ")" : "");
            for (JsonNode item : error.path("errors")) {
                message += System.lineSeparator() + "  " + item.path("file").asText() + ":" + item.path("line").asText()
                        + " " + item.path("field").asText() + ": " + item.path("message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // the status alone says enough
        }
        return new SafegateException(status / 100 == 4 ? ErrorCode.INVALID_ARGUMENT : ErrorCode.IO_FAILURE,
                server + " refused: " + message);
    }

    private static SSLContext trusting(Path ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (var certificate : PemFiles.readCertificates(ca)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot trust " + ca + ": " + e.getMessage(), e);
        }
    }
}
