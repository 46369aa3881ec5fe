package org.safegate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.safegate.SafegateException;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.model.Reference;

/**
 * Where the dated key material of {@link UpcomingChanges} comes from. Material that cannot be read
 * here is left out: it is not an upcoming change but a present one, which the policy status and
 * the gateway's health already report.
 */
public interface UpcomingSources {

    /** A certificate a policy names (an agency's encryption or signing certificate). */
    Optional<X509Certificate> certificate(Reference reference);

    /** The gateway's own certificates, by what they are for ("signing", "audit"). */
    Map<String, X509Certificate> gatewayCertificates();

    /** The CRLs certificates are checked against. */
    List<X509CRL> crls();

    /**
     * What {@code policy check} sees without a key store: the certificate files the policies name,
     * resolved against {@code baseDir}; Vault references, the gateway's certificates and the CRLs
     * are not visible.
     */
    static UpcomingSources policyFiles(Path baseDir) {
        return new UpcomingSources() {
            @Override
            public Optional<X509Certificate> certificate(Reference reference) {
                if (reference.isVault()) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(baseDir.resolve(reference.value()))) {
                    return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(in));
                } catch (IOException | CertificateException | ClassCastException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Map<String, X509Certificate> gatewayCertificates() {
                return Map.of();
            }

            @Override
            public List<X509CRL> crls() {
                return List.of();
            }
        };
    }

    /** What the running gateway sees: everything through its key provider, read on each call. */
    static UpcomingSources keyStore(KeyProvider keys) {
        return new UpcomingSources() {
            @Override
            public Optional<X509Certificate> certificate(Reference reference) {
                return readable(() -> keys.certificate(reference.value()));
            }

            @Override
            public Map<String, X509Certificate> gatewayCertificates() {
                Map<String, X509Certificate> certificates = new LinkedHashMap<>();
                readable(() -> keys.gatewaySigning().certificate()).ifPresent(c -> certificates.put("signing", c));
                readable(keys::auditCertificate).ifPresent(c -> certificates.put("audit", c));
                return certificates;
            }

            @Override
            public List<X509CRL> crls() {
                return readable(() -> keys.trust().crls()).orElse(List.of());
            }
        };
    }

    private static <T> Optional<T> readable(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (SafegateException unavailable) {
            return Optional.empty();
        }
    }
}
