package org.safegate.transfer;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.CertificateCheck;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Purpose;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.Reason;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.model.Agency;

/**
 * The certificate rule of a transfer decision, in full: the recipient's encryption certificate
 * (from its file or Vault) must chain to a trust anchor, not be revoked (CRL or a security
 * officer's record), be valid on the day, and be fit for encryption. A certificate that does not
 * exist (no such file, not a certificate, Vault has no such secret or field) is a reason,
 * CERT_MISSING, so the transfer is denied rather than sent. A certificate that cannot be obtained
 * right now (Vault unreachable, sealed or refusing) decides nothing: the check throws
 * {@link ErrorCode#KEY_UNAVAILABLE}, and the file is held and retried, neither sent nor denied.
 * Likewise a certificate whose revocation status is unknown (its issuer's CRL is stale or missing)
 * and that fails nothing else: the check throws {@link ErrorCode#CERT_STATUS_UNKNOWN} and the file
 * is held until a current CRL is installed.
 */
public final class VerifiedCertificateCheck implements org.safegate.policy.CertificateCheck {
    private final KeyProvider keys;
    private final CertificateVerifier verifier;
    private final Endpoints paths;

    public VerifiedCertificateCheck(KeyProvider keys, CertificateVerifier verifier, Endpoints paths) {
        this.keys = keys;
        this.verifier = verifier;
        this.paths = paths;
    }

    @Override
    public List<Reason> check(Agency recipient, LocalDate day) {
        X509Certificate certificate;
        try {
            certificate = keys.certificate(paths.reference(recipient.certificate()));
        } catch (SafegateException e) {
            if (e.code() == ErrorCode.KEY_UNAVAILABLE) {
                throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, recipient.id() + "'s certificate "
                        + recipient.certificate() + " cannot be obtained now: " + e.getMessage(), e);
            }
            // the reference and the key provider's message name the gateway's files: for its operators only
            return List.of(new Reason(ReasonCode.CERT_MISSING, recipient.id() + "'s certificate "
                    + recipient.certificate() + " cannot be obtained: " + e.getMessage(),
                    recipient.id() + "'s encryption certificate is missing on the gateway"));
        }
        CertificateCheck check = verifier.verify(certificate, day, Purpose.ENCRYPTION);
        if (check.statusUnknownOnly()) {
            throw statusUnknown(recipient.id() + "'s certificate " + recipient.certificate(), check);
        }
        List<Reason> reasons = new ArrayList<>();
        for (CertificateCheck.Failure failure : check.failures()) {
            if (failure.code() == ErrorCode.CERT_STATUS_UNKNOWN) {
                continue; // a definite failure denies; the unknown status adds nothing to it
            }
            reasons.add(new Reason(reasonFor(failure), recipient.id() + "'s certificate " + recipient.certificate()
                    + ": " + failure.detail(), recipient.id() + "'s encryption certificate: " + failure.detail()));
        }
        return reasons;
    }

    /**
     * The hold for a certificate whose revocation status is unknown: the message says which
     * certificate, why, and what releases it, for the log, the audit event and {@code run --once}.
     */
    static SafegateException statusUnknown(String certificate, CertificateCheck check) {
        String why = check.failures().stream().map(CertificateCheck.Failure::detail).findFirst().orElse("");
        return new SafegateException(ErrorCode.CERT_STATUS_UNKNOWN, ErrorCode.CERT_STATUS_UNKNOWN + ": " + certificate
                + ": " + why + "; held until a current CRL of its issuer is installed (or the issuer is declared in "
                + "safegate.crl.not-required if it publishes none)");
    }

    private static ReasonCode reasonFor(CertificateCheck.Failure failure) {
        return switch (failure.code()) {
            case CERT_EXPIRED -> ReasonCode.CERT_EXPIRED;
            case CERT_NOT_YET_VALID -> ReasonCode.CERT_NOT_YET_VALID;
            case CERT_REVOKED -> ReasonCode.CERT_REVOKED;
            case CERT_UNTRUSTED -> ReasonCode.CERT_UNTRUSTED;
            default -> ReasonCode.CERT_UNUSABLE;
        };
    }
}
