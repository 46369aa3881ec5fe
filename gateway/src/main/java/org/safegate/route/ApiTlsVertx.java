package org.safegate.route;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import java.util.List;

/**
 * The Vert.x instance the admin API's HTTP server is made by, which imposes the API's TLS policy on
 * every server it creates. Camel's platform-http takes only the key material from the SSL context
 * parameters and leaves protocols and cipher suites to Netty's defaults, which include static-RSA
 * key exchange and CBC with SHA-1; so the policy is set on the server options themselves, before the
 * server exists, and no connection is ever accepted under other terms. (VertxWrapper is Vert.x's own
 * base class for this; an upgrade that removes it fails the build, not the policy.)
 */
final class ApiTlsVertx extends VertxWrapper {
    /** TLS 1.3, and TLS 1.2 for clients that have nothing newer. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * The only cipher suites offered: TLS 1.3's, and for TLS 1.2 an ephemeral elliptic-curve key
     * exchange (forward secrecy: a key stolen later opens no recorded session) with an AEAD cipher.
     * No static-RSA key exchange, no CBC (padding oracles), no SHA-1 MAC, no finite-field DHE.
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private ApiTlsVertx(VertxInternal delegate) {
        super(delegate);
    }

    /** A new Vert.x instance (its threads end when it is closed). */
    static ApiTlsVertx create() {
        return new ApiTlsVertx((VertxInternal) Vertx.vertx());
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        return super.createHttpServer(restrict(new HttpServerOptions(options)));
    }

    @Override
    public HttpServer createHttpServer() {
        return createHttpServer(new HttpServerOptions());
    }

    /** The options with exactly the policy's protocols and suites, whatever they held before. */
    static HttpServerOptions restrict(HttpServerOptions options) {
        options.setEnabledSecureTransportProtocols(new java.util.LinkedHashSet<>(PROTOCOLS));
        options.getEnabledCipherSuites().clear();
        CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
        return options;
    }
}
