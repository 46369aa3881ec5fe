package org.safegate.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Trust anchors declared, explicitly, as publishing no CRL. Certificates such an anchor issued are
 * checked without a CRL (local revocations and any CRL it does publish still apply); for every
 * other anchor a missing or stale CRL leaves the revocation status unknown.
 *
 * <p>Anchors are named by the SHA-256 fingerprint of their certificate, as
 * {@code openssl x509 -noout -fingerprint -sha256 -in ca.crt} prints it (colons and case do not
 * matter): a subject name can be reused by another CA and a file name says nothing about what is
 * in the file, a fingerprint names exactly one certificate.
 */
public final class AnchorsWithoutCrl {
    /** No anchor is exempt: every anchor needs a current CRL. */
    public static final AnchorsWithoutCrl NONE = new AnchorsWithoutCrl(Set.of());

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final Set<String> fingerprints;

    private AnchorsWithoutCrl(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /**
     * Parses a list of fingerprints separated by commas or white space; empty means {@link #NONE}.
     * Anything that is not a SHA-256 fingerprint is an {@code INVALID_ARGUMENT} naming the entry.
     */
    public static AnchorsWithoutCrl parse(String value) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String entry : value.strip().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String hex = entry.replace(":", "").toLowerCase(Locale.ROOT);
            if (!FINGERPRINT.matcher(hex).matches()) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "'" + entry + "' is not the SHA-256"
                        + " fingerprint of a trust anchor (64 hex digits, as openssl x509 -noout -fingerprint -sha256"
                        + " prints it)");
            }
            parsed.add(hex);
        }
        return parsed.isEmpty() ? NONE : new AnchorsWithoutCrl(parsed);
    }

    /** The SHA-256 fingerprint of a certificate, lower-case hex without colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new SafegateException(ErrorCode.CRYPTO_FAILURE, "cannot fingerprint "
                    + certificate.getSubjectX500Principal().getName(), e);
        }
    }

    /** The declared fingerprints, lower-case hex without colons. */
    public Set<String> fingerprints() {
        return fingerprints;
    }

    boolean contains(X509Certificate anchor) {
        return !fingerprints.isEmpty() && fingerprints.contains(fingerprint(anchor));
    }

    @Override
    public String toString() {
        return fingerprints.isEmpty() ? "none" : String.join(",", fingerprints);
    }
}
