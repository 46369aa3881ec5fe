package org.safegate.route;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.admin.AdminApi;
import org.safegate.admin.TransferTimings;
import org.safegate.config.ApiSettings;
import org.safegate.keys.PemFiles;

/**
 * Puts the admin API on Camel Main's embedded HTTP server, with TLS only: the certificate and key
 * come from PEM files into an in-memory key store; protocols and cipher suites are those of
 * {@link ApiTlsVertx} (TLS 1.3, and TLS 1.2 with ECDHE and AEAD suites only).
 */
public final class ApiServer {
    private ApiServer() {
    }

    /** {@code health}: the gateway's health checks, registered with the context; the API's health is built from them. */
    public static void configure(Main main, ApiSettings settings, AdminApi api, TransferTimings timings,
                                 GatewayHealthChecks health) {
        settings.requireTls();
        SSLContextParameters tls = tls(settings.certificate().orElseThrow(), settings.key().orElseThrow());
        main.configure().httpServer().withEnabled(true).withHost(settings.host()).withPort(settings.port())
                .withUseGlobalSslContextParameters(true).withMaxBodySize(serverLimit(settings.maxBodyBytes()));
        main.configure().addRoutesBuilder(new AdminRoutes(api));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                support.getCamelContext().setSSLContextParameters(tls);
                // the HTTP server takes the one Vert.x instance in the registry; the context stops it last
                ApiTlsVertx vertx = ApiTlsVertx.create();
                support.getCamelContext().getRegistry().bind("safegate-api-vertx", Vertx.class, vertx);
                try {
                    support.getCamelContext().addService(new VertxCloser(vertx), true, false);
                } catch (Exception e) {
                    vertx.close();
                    throw new SafegateException(ErrorCode.IO_FAILURE, "cannot start the admin API's server", e);
                }
                support.getCamelContext().getManagementStrategy().addEventNotifier(new TransferTimingNotifier(timings));
                support.getCamelContext().getManagementStrategy().addEventNotifier(
                        ApiServerErrors.installer(settings.port(), settings.maxBodyBytes()));
                // each route's exchanges, counted and timed by camel-micrometer in the registry /metrics renders
                MicrometerRoutePolicyFactory routeMeters = new MicrometerRoutePolicyFactory();
                routeMeters.setMeterRegistry(timings.registry());
                support.getCamelContext().addRoutePolicyFactory(routeMeters);
            }

            @Override
            public void afterConfigure(BaseMainSupport support) {
                health.register(support.getCamelContext());
            }

        });
    }

    /**
     * The server refuses (a bare 413) only bodies far over the limit, so that bodies just over it
     * reach the API and are refused naming the body; the server's own 413 gets the same problem body
     * ({@link ApiServerErrors}); the memory is bounded either way.
     */
    private static long serverLimit(long apiLimit) {
        return Math.max(apiLimit * 4, 1024 * 1024);
    }

    private static SSLContextParameters tls(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        if (chain.isEmpty()) {
            throw new SafegateException(ErrorCode.KEY_INVALID, certificateFile + " holds no certificate");
        }
        PemFiles.matchedIdentity(key, chain.get(0), keyFile.toString());
        // the key store lives only in memory; its password only protects it from nobody
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getEncoder().encodeToString(random);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("api", key, password.toCharArray(), chain.toArray(new X509Certificate[0]));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot use " + certificateFile + " and " + keyFile
                    + " for TLS: " + e.getMessage(), e);
        }
        KeyStoreParameters storeParameters = new KeyStoreParameters();
        storeParameters.setKeyStore(store);
        storeParameters.setPassword(password);
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(storeParameters);
        keyManagers.setKeyPassword(password);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keyManagers);
        parameters.setSecureSocketProtocol("TLS");
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(ApiTlsVertx.PROTOCOLS);
        parameters.setSecureSocketProtocols(protocols);
        return parameters;
    }

    /** Closes the API's Vert.x instance (its event-loop threads) when the Camel context stops. */
    private static final class VertxCloser extends org.apache.camel.support.service.ServiceSupport {
        private final Vertx vertx;

        VertxCloser(Vertx vertx) {
            this.vertx = vertx;
        }

        @Override
        protected void doStop() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
