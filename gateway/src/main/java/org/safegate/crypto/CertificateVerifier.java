package org.safegate.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.CertificateCheck.Failure;
import org.safegate.keys.TrustMaterial;

/**
 * Checks a certificate against the trust material at a point in time, for a purpose. Every check
 * runs and every failure is reported with its own code: {@code CERT_EXPIRED},
 * {@code CERT_NOT_YET_VALID}, {@code CERT_UNTRUSTED} (not issued by a trust anchor),
 * {@code CERT_REVOKED} (listed in a CRL signed by its issuer, or revoked locally),
 * {@code CERT_KEY_USAGE}, {@code CERT_WEAK_KEY} (RSA under 2048 bits, EC under 256 bits) and
 * {@code CERT_WEAK_SIGNATURE} (SHA-1 or MD5).
 *
 * <p>Certificates must be issued directly by a trust anchor (the layout has no intermediate CAs).
 * A certificate without a key usage extension is accepted for any purpose, as RFC 5280 says.
 * {@link #verify} returns the result; {@link #require} throws it as a {@link SafegateException}
 * whose code is the first failure and whose message lists them all.
 */
public final class CertificateVerifier {
    private static final Set<String> WEAK_SIGNATURES = Set.of(
            "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5", "1.3.14.3.2.29",
            "1.2.840.10045.4.1", "1.2.840.10040.4.3");

    private final TrustMaterial trust;
    private final Predicate<X509Certificate> locallyRevoked;

    public CertificateVerifier(TrustMaterial trust) {
        this(trust, certificate -> false);
    }

    /** With revocations recorded outside any CRL (for example by a security officer). */
    public CertificateVerifier(TrustMaterial trust, Predicate<X509Certificate> locallyRevoked) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.locallyRevoked = Objects.requireNonNull(locallyRevoked, "locallyRevoked");
    }

    /** Runs every check at the instant {@code at} and returns all failures. */
    public CertificateCheck verify(X509Certificate certificate, Instant at, Purpose purpose) {
        return verify(certificate, at, at, purpose);
    }

    /**
     * Runs every check for a calendar day (UTC): the certificate counts as valid on {@code day}
     * if it is valid at some moment of that day, as a policy decision "on date D" needs.
     */
    public CertificateCheck verify(X509Certificate certificate, LocalDate day, Purpose purpose) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return verify(certificate, start, start.plus(Duration.ofDays(1)).minusMillis(1), purpose);
    }

    private CertificateCheck verify(X509Certificate certificate, Instant earliest, Instant latest, Purpose purpose) {
        List<Failure> failures = new ArrayList<>();
        Date from = Date.from(earliest);
        Date until = Date.from(latest);
        if (from.after(certificate.getNotAfter())) {
            failures.add(new Failure(ErrorCode.CERT_EXPIRED, "expired " + certificate.getNotAfter().toInstant()));
        }
        if (until.before(certificate.getNotBefore())) {
            failures.add(new Failure(ErrorCode.CERT_NOT_YET_VALID,
                    "valid from " + certificate.getNotBefore().toInstant()));
        }
        Optional<X509Certificate> issuer = issuer(certificate);
        if (issuer.isEmpty()) {
            failures.add(new Failure(ErrorCode.CERT_UNTRUSTED,
                    "not issued by a trust anchor (issuer " + certificate.getIssuerX500Principal().getName() + ")"));
        } else if (from.after(issuer.get().getNotAfter()) || until.before(issuer.get().getNotBefore())) {
            failures.add(new Failure(ErrorCode.CERT_UNTRUSTED, "its trust anchor is outside its validity period"));
        }
        revocation(certificate, issuer).ifPresent(failures::add);
        keyUsage(certificate, purpose).ifPresent(failures::add);
        weakKey(certificate.getPublicKey()).ifPresent(failures::add);
        if (WEAK_SIGNATURES.contains(certificate.getSigAlgOID())) {
            failures.add(new Failure(ErrorCode.CERT_WEAK_SIGNATURE, "signed with " + certificate.getSigAlgName()));
        }
        return new CertificateCheck(certificate.getSubjectX500Principal().getName(), purpose, failures);
    }

    /** Like {@link #verify}, but throws when any check failed. */
    public void require(X509Certificate certificate, Instant at, Purpose purpose) {
        CertificateCheck check = verify(certificate, at, purpose);
        if (!check.passed()) {
            throw new SafegateException(check.codes().get(0), check.summary());
        }
    }

    /** The key size check alone, for keys Safegate is about to use (no trust material needed). */
    static Optional<Failure> weakKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits < AlgorithmSuite.MIN_RSA_BITS
                    ? Optional.of(new Failure(ErrorCode.CERT_WEAK_KEY, "RSA key of " + bits + " bits")) : Optional.empty();
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits < AlgorithmSuite.MIN_EC_BITS
                    ? Optional.of(new Failure(ErrorCode.CERT_WEAK_KEY, "EC key of " + bits + " bits")) : Optional.empty();
        }
        return Optional.of(new Failure(ErrorCode.CERT_WEAK_KEY, "unsupported key type " + key.getAlgorithm()));
    }

    /** The key usage check alone. */
    static Optional<Failure> keyUsage(X509Certificate certificate, Purpose purpose) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null) {
            return Optional.empty();
        }
        boolean[] bits = Arrays.copyOf(usage, 9);
        boolean allowed = purpose == Purpose.ENCRYPTION ? bits[2] : bits[0] || bits[1];
        String needed = purpose == Purpose.ENCRYPTION ? "keyEncipherment" : "digitalSignature or nonRepudiation";
        return allowed ? Optional.empty() : Optional.of(new Failure(ErrorCode.CERT_KEY_USAGE, "key usage lacks " + needed));
    }

    private Optional<X509Certificate> issuer(X509Certificate certificate) {
        for (X509Certificate anchor : trust.anchors()) {
            if (anchor.equals(certificate)) {
                return Optional.of(anchor);
            }
            if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBy(certificate, anchor.getPublicKey())) {
                return Optional.of(anchor);
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> revocation(X509Certificate certificate, Optional<X509Certificate> issuer) {
        if (locallyRevoked.test(certificate)) {
            return Optional.of(new Failure(ErrorCode.CERT_REVOKED, "revoked by a local revocation"));
        }
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        for (X509CRL crl : trust.crls()) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                    && crlSignedBy(crl, issuer.get().getPublicKey()) && crl.isRevoked(certificate)) {
                return Optional.of(new Failure(ErrorCode.CERT_REVOKED, "listed in the CRL of "
                        + crl.getIssuerX500Principal().getName()));
            }
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509Certificate certificate, PublicKey key) {
        try {
            certificate.verify(key);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean crlSignedBy(X509CRL crl, PublicKey key) {
        try {
            crl.verify(key);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
