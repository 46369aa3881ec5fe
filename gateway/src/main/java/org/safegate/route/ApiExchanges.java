package org.safegate.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.apache.camel.support.SynchronizationAdapter;
import org.safegate.admin.ApiOperation;
import org.safegate.admin.ApiRequest;
import org.safegate.admin.ApiResponse;

/**
 * Turns a Camel exchange from the HTTP server into an {@link ApiRequest} and an {@link ApiResponse}
 * back into the reply. Path and query parameters are read from the request line itself, not from
 * message headers, so a query parameter can never pose as a path parameter; every incoming header
 * is dropped before replying, so nothing the client sent (its credentials) is echoed back.
 */
final class ApiExchanges {
    private ApiExchanges() {
    }

    static ApiRequest request(Exchange exchange, ApiOperation operation) {
        Message in = exchange.getIn();
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        if (path == null || path.isEmpty()) {
            path = in.getHeader(Exchange.HTTP_URI, String.class);
        }
        return new ApiRequest(pathParameters(operation.path(), path == null ? "" : path),
                query(in.getHeader(Exchange.HTTP_RAW_QUERY, String.class)),
                Optional.ofNullable(in.getHeader("Authorization", String.class)), clientAddress(in),
                Optional.ofNullable(in.getHeader(Exchange.CONTENT_TYPE, String.class)), in.getBody(byte[].class));
    }

    static void answer(Exchange exchange, ApiResponse response) throws IOException {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        out.setHeader(Exchange.CONTENT_TYPE, response.contentType());
        response.headers().forEach(out::setHeader);
        if (response.file().isPresent()) {
            Path file = response.file().get();
            InputStream stream = Files.newInputStream(file);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    try {
                        stream.close();
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete the temporary export " + file, e);
                    }
                }
            });
            out.setBody(stream);
        } else {
            out.setBody(response.body());
        }
    }

    /** Matches {@code /api/agencies/{id}} against {@code /api/agencies/ICE}. */
    static Map<String, String> pathParameters(String template, String path) {
        String[] names = template.split("/");
        String[] values = path.split("/");
        Map<String, String> parameters = new HashMap<>();
        int offset = values.length - names.length;
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("{") && i + offset >= 0 && i + offset < values.length) {
                parameters.put(names[i].substring(1, names[i].length() - 1), decode(values[i + offset]));
            }
        }
        return parameters;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return query;
    }

    private static String clientAddress(Message in) {
        Object address = in.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        if (address instanceof io.vertx.core.net.SocketAddress socket) {
            return socket.hostAddress();
        }
        return address == null ? "unknown" : address.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
