package org.safegate.cli;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's trust in the admin API's certificate, as the JDK decides it (chain and host name),
 * remembering the certificate it refused so that the error can say which one failed and why,
 * instead of a bare "PKIX path building failed".
 */
final class RecordingTrust extends X509ExtendedTrustManager {
    /** The certificate refused, and the JDK's reason. */
    record Refused(X509Certificate certificate, String reason) {
    }

    private final X509ExtendedTrustManager delegate;
    private volatile Refused refused;

    private RecordingTrust(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    /** Trusts the anchors in {@code store}, or the JDK's default CAs when it is null. */
    static RecordingTrust of(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509ExtendedTrustManager jdk = Arrays.stream(factory.getTrustManagers())
                .filter(X509ExtendedTrustManager.class::isInstance).map(X509ExtendedTrustManager.class::cast)
                .findFirst().orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
        return new RecordingTrust(jdk);
    }

    SSLContext context() throws GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {this}, null);
        return tls;
    }

    Optional<Refused> refused() {
        return Optional.ofNullable(refused);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            refused = new Refused(chain[0], e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            refused = new Refused(chain[0], e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            refused = new Refused(chain[0], e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
