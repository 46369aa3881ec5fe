package org.safegate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Reference;

/**
 * Checks that an agency's certificate file exists, parses, and is within its validity dates.
 * Chain and revocation checks need the trust anchors and belong to the key store's verifier.
 * A parsed certificate is reused until its file changes.
 */
public final class PemCertificateCheck implements CertificateCheck {
    private final Path baseDir;
    /** Whether a certificate in Vault, which this check cannot read, is a reason (CERT_MISSING). */
    private final boolean vaultIsReason;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

    private PemCertificateCheck(Path baseDir, boolean vaultIsReason) {
        this.baseDir = baseDir;
        this.vaultIsReason = vaultIsReason;
    }

    /** For transfers: a certificate that is missing or cannot be resolved denies. */
    public static PemCertificateCheck forTransfers(Path baseDir) {
        return new PemCertificateCheck(baseDir, true);
    }

    /**
     * For planning ({@code policy check}): a certificate file that does not exist denies, as the
     * gateway would ({@code CERT_MISSING}); one held in Vault cannot be read without the gateway's
     * token, so it decides nothing here.
     */
    public static PemCertificateCheck forPlanning(Path baseDir) {
        return new PemCertificateCheck(baseDir, false);
    }

    @Override
    public List<Reason> check(Agency recipient, LocalDate day) {
        Reference ref = recipient.certificate();
        if (ref.isVault()) {
            return vaultIsReason
                    ? List.of(new Reason(ReasonCode.CERT_MISSING, recipient.id()
                            + "'s certificate " + ref + " is held in Vault and cannot be checked here"))
                    : List.of();
        }
        Path file = baseDir.resolve(ref.value());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return List.of(new Reason(ReasonCode.CERT_MISSING, recipient.id() + "'s certificate " + ref + " is missing"));
        }
        Parsed parsed = cache.compute(file, (path, old) -> old != null && old.matches(attributes)
                ? old : parse(path, attributes));
        if (parsed.certificate == null) {
            return List.of(new Reason(ReasonCode.CERT_INVALID,
                    recipient.id() + "'s certificate " + ref + " cannot be read: " + parsed.error));
        }
        return validity(recipient.id(), parsed.certificate, day);
    }

    private static List<Reason> validity(String agency, X509Certificate certificate, LocalDate day) {
        LocalDate notBefore = LocalDate.ofInstant(certificate.getNotBefore().toInstant(), ZoneOffset.UTC);
        LocalDate notAfter = LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC);
        if (day.isAfter(notAfter)) {
            return List.of(new Reason(ReasonCode.CERT_EXPIRED, agency + "'s certificate expired " + notAfter));
        }
        if (day.isBefore(notBefore)) {
            return List.of(new Reason(ReasonCode.CERT_NOT_YET_VALID,
                    agency + "'s certificate is not valid before " + notBefore));
        }
        return List.of();
    }

    private static Parsed parse(Path file, BasicFileAttributes attributes) {
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return new Parsed(certificate, null, attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException | CertificateException | ClassCastException e) {
            return new Parsed(null, e.getMessage(), attributes.lastModifiedTime().toMillis(), attributes.size());
        }
    }

    private record Parsed(X509Certificate certificate, String error, long modified, long size) {
        boolean matches(BasicFileAttributes attributes) {
            return modified == attributes.lastModifiedTime().toMillis() && size == attributes.size();
        }
    }
}
