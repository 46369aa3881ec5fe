package org.safegate.crypto;

import java.util.List;
import java.util.stream.Collectors;
import org.safegate.ErrorCode;

/**
 * The outcome of checking one certificate: every failed check with its reason code and a human
 * explanation, in a fixed order. Immutable; empty {@code failures} means the certificate passed.
 */
public record CertificateCheck(String subject, Purpose purpose, List<Failure> failures) {

    /** One failed check. */
    public record Failure(ErrorCode code, String detail) {
    }

    public CertificateCheck {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /**
     * True when nothing definite failed and only the revocation status is missing
     * ({@code CERT_STATUS_UNKNOWN} alone): a reason to wait for a current CRL, not a verdict.
     */
    public boolean statusUnknownOnly() {
        return !failures.isEmpty() && failures.stream().allMatch(f -> f.code() == ErrorCode.CERT_STATUS_UNKNOWN);
    }

    /** The reason codes, in order. */
    public List<ErrorCode> codes() {
        return failures.stream().map(Failure::code).toList();
    }

    /** One sentence naming the certificate and every failure. */
    public String summary() {
        if (passed()) {
            return "certificate " + subject + " is valid for " + purpose.name().toLowerCase();
        }
        return "certificate " + subject + " is not acceptable for " + purpose.name().toLowerCase() + ": "
                + failures.stream().map(f -> f.code() + " (" + f.detail() + ")").collect(Collectors.joining(", "));
    }
}
