package org.safegate.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
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
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.Extension;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.CertificateCheck.Failure;
import org.safegate.keys.TrustMaterial;

/**
 * Checks a certificate against the trust material at a point in time, for a purpose. Every check
 * runs and every failure is reported with its own code: {@code CERT_EXPIRED},
 * {@code CERT_NOT_YET_VALID}, {@code CERT_UNTRUSTED} (not issued by a trust anchor, or carrying a
 * critical extension this code does not process), {@code CERT_REVOKED} (listed in a CRL signed by
 * its issuer, or revoked locally), {@code CERT_STATUS_UNKNOWN} (no current CRL of its issuer; see
 * {@link CrlStatus}), {@code CERT_KEY_USAGE}, {@code CERT_WEAK_KEY} (RSA under 2048 bits, EC under
 * 256 bits) and {@code CERT_WEAK_SIGNATURE} (SHA-1 or MD5).
 *
 * <p>Certificates must be issued directly by a trust anchor (the layout has no intermediate CAs).
 * A certificate without a key usage extension is accepted for any purpose, as RFC 5280 says.
 * Revocation fails closed: only a current CRL, or an explicit declaration that the anchor
 * publishes none ({@link AnchorsWithoutCrl}), makes the status known. Everything is judged at the
 * instant or day given, never the wall clock. {@link #verify} returns the result; {@link #require}
 * throws it as a {@link SafegateException} whose code is the first definite failure (an unknown
 * status only when nothing else failed) and whose message lists them all.
 */
public final class CertificateVerifier {
    private static final Set<String> WEAK_SIGNATURES = Set.of(
            "1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5", "1.3.14.3.2.29",
            "1.2.840.10045.4.1", "1.2.840.10040.4.3");

    /** The critical extensions this class processes (RFC 5280 requires refusing any other). */
    private static final Set<String> PROCESSED_CRITICAL = Set.of(
            Extension.keyUsage.getId(), Extension.basicConstraints.getId(),
            // names decide nothing here: each agency's certificate is named in its policy file
            Extension.subjectAlternativeName.getId());

    private final Supplier<TrustMaterial> trust;
    private final Predicate<X509Certificate> locallyRevoked;
    private final AnchorsWithoutCrl withoutCrl;

    public CertificateVerifier(TrustMaterial trust) {
        this(trust, certificate -> false);
    }

    /** With revocations recorded outside any CRL (for example by a security officer). */
    public CertificateVerifier(TrustMaterial trust, Predicate<X509Certificate> locallyRevoked) {
        this(constant(trust), locallyRevoked, AnchorsWithoutCrl.NONE);
    }

    /**
     * With trust material read afresh for every check (so a new CRL takes effect at once, and a
     * file held for a stale one is released on its next retry), local revocations, and the anchors
     * declared as publishing no CRL. A supplier that throws makes the check throw.
     */
    public CertificateVerifier(Supplier<TrustMaterial> trust, Predicate<X509Certificate> locallyRevoked,
                               AnchorsWithoutCrl withoutCrl) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.locallyRevoked = Objects.requireNonNull(locallyRevoked, "locallyRevoked");
        this.withoutCrl = Objects.requireNonNull(withoutCrl, "withoutCrl");
    }

    private static Supplier<TrustMaterial> constant(TrustMaterial trust) {
        Objects.requireNonNull(trust, "trust");
        return () -> trust;
    }

    /** Runs every check at the instant {@code at} and returns all failures. */
    public CertificateCheck verify(X509Certificate certificate, Instant at, Purpose purpose) {
        return verify(certificate, at, at, purpose);
    }

    /**
     * Runs every check for a calendar day (UTC): the certificate counts as valid on {@code day}
     * if it is valid at some moment of that day, as a policy decision "on date D" needs. Its
     * revocation status must hold for the whole day: the CRL must not reach its nextUpdate before
     * the day ends.
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
        TrustMaterial material = trust.get();
        Optional<X509Certificate> issuer = issuer(certificate, material);
        if (issuer.isEmpty()) {
            failures.add(new Failure(ErrorCode.CERT_UNTRUSTED,
                    "not issued by a trust anchor (issuer " + certificate.getIssuerX500Principal().getName() + ")"));
        } else if (from.after(issuer.get().getNotAfter()) || until.before(issuer.get().getNotBefore())) {
            failures.add(new Failure(ErrorCode.CERT_UNTRUSTED, "its trust anchor is outside its validity period"));
        }
        unprocessedCriticalExtensions(certificate).ifPresent(failures::add);
        revocation(certificate, issuer, material, latest).ifPresent(failures::add);
        keyUsage(certificate, purpose).ifPresent(failures::add);
        weakKey(certificate.getPublicKey()).ifPresent(failures::add);
        if (WEAK_SIGNATURES.contains(certificate.getSigAlgOID())) {
            failures.add(new Failure(ErrorCode.CERT_WEAK_SIGNATURE, "signed with " + certificate.getSigAlgName()));
        }
        return new CertificateCheck(certificate.getSubjectX500Principal().getName(), purpose, failures);
    }

    /**
     * Like {@link #verify}, but throws when any check failed: with the first definite failure's
     * code, or {@code CERT_STATUS_UNKNOWN} when the status is all that is missing.
     */
    public void require(X509Certificate certificate, Instant at, Purpose purpose) {
        CertificateCheck check = verify(certificate, at, purpose);
        if (!check.passed()) {
            ErrorCode code = check.codes().stream().filter(c -> c != ErrorCode.CERT_STATUS_UNKNOWN).findFirst()
                    .orElse(ErrorCode.CERT_STATUS_UNKNOWN);
            throw new SafegateException(code, check.summary());
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

    private static Optional<Failure> unprocessedCriticalExtensions(X509Certificate certificate) {
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        List<String> unprocessed = critical == null ? List.of()
                : critical.stream().filter(oid -> !PROCESSED_CRITICAL.contains(oid)).sorted().toList();
        return unprocessed.isEmpty() ? Optional.empty() : Optional.of(new Failure(ErrorCode.CERT_UNTRUSTED,
                "has a critical extension this gateway does not process: " + String.join(", ", unprocessed)));
    }

    private static Optional<X509Certificate> issuer(X509Certificate certificate, TrustMaterial trust) {
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

    private Optional<Failure> revocation(X509Certificate certificate, Optional<X509Certificate> issuer,
                                         TrustMaterial material, Instant at) {
        if (locallyRevoked.test(certificate)) {
            return Optional.of(new Failure(ErrorCode.CERT_REVOKED, "revoked by a local revocation"));
        }
        if (issuer.isEmpty() || issuer.get().equals(certificate)) {
            // untrusted is reported already; an anchor itself is trusted by configuration, not by a CRL
            return Optional.empty();
        }
        return CrlStatus.of(certificate, issuer.get(), material.crls(), at, !withoutCrl.contains(issuer.get()));
    }

    private static boolean signedBy(X509Certificate certificate, PublicKey key) {
        try {
            certificate.verify(key);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
