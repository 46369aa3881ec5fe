package org.safegate.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.crypto.CertificateCheck.Failure;

/**
 * The revocation status of a certificate from the CRLs of the trust anchor that issued it, at one
 * moment. Fails closed:
 * <ul>
 *   <li>listed in any CRL the anchor signed: {@code CERT_REVOKED} (a revocation does not lapse
 *       when its list does);</li>
 *   <li>otherwise known good only through a current CRL of that anchor: signed by its key,
 *       nextUpdate present and not before the moment, no critical extension (RFC 5280 forbids
 *       using a CRL with a critical extension one does not process; this code processes none, so
 *       delta CRLs and partitioned CRLs are not taken as complete);</li>
 *   <li>or when the anchor is declared as publishing no CRL ({@link AnchorsWithoutCrl});</li>
 *   <li>anything else: {@code CERT_STATUS_UNKNOWN}, saying why.</li>
 * </ul>
 */
final class CrlStatus {
    private CrlStatus() {
    }

    static Optional<Failure> of(X509Certificate certificate, X509Certificate anchor, List<X509CRL> crls, Instant at,
                                boolean crlRequired) {
        String issuer = anchor.getSubjectX500Principal().getName();
        List<String> unusable = new ArrayList<>();
        boolean current = false;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
                continue;
            }
            if (!signedBy(crl, anchor)) {
                unusable.add("a CRL naming " + issuer + " as its issuer is not signed by its key");
                continue;
            }
            if (crl.isRevoked(certificate)) {
                return Optional.of(new Failure(ErrorCode.CERT_REVOKED, "listed in the CRL of " + issuer));
            }
            Optional<String> problem = problem(crl, at);
            if (problem.isEmpty()) {
                current = true;
            } else {
                unusable.add("the CRL of " + issuer + " " + problem.get());
            }
        }
        if (current || !crlRequired) {
            return Optional.empty();
        }
        if (unusable.isEmpty()) {
            unusable.add("no CRL of " + issuer + " is installed");
        }
        return Optional.of(new Failure(ErrorCode.CERT_STATUS_UNKNOWN,
                "revocation status unknown: " + String.join("; ", unusable)));
    }

    /** Why a CRL its anchor signed cannot vouch for a certificate at {@code at}; empty when it can. */
    private static Optional<String> problem(X509CRL crl, Instant at) {
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null && !critical.isEmpty()) {
            return Optional.of("has a critical extension this gateway does not process: " + String.join(", ",
                    critical.stream().sorted().toList()));
        }
        Date nextUpdate = crl.getNextUpdate();
        if (nextUpdate == null) {
            return Optional.of("has no nextUpdate, so nothing says it is still current");
        }
        if (nextUpdate.toInstant().isBefore(at)) {
            return Optional.of("is past its nextUpdate " + nextUpdate.toInstant() + " (issued "
                    + crl.getThisUpdate().toInstant() + ", checked for " + at + ")");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509CRL crl, X509Certificate anchor) {
        try {
            crl.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
