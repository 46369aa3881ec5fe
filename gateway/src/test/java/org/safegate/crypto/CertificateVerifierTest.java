package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.TrustMaterial;
import org.safegate.testing.TestClocks;

/** One scenario per reason code, against the example CA and its negative-test certificates. */
class CertificateVerifierTest {
    private final CertificateVerifier verifier = TestKeys.verifier();
    private final Instant now = TestClocks.CASE_DAY;

    private static X509Certificate negative(String name, String role) {
        return TestKeys.EXAMPLE.negative(name, role).certificate();
    }

    @Test
    void anAgencyEncryptionCertificateIsValidForEncryption() {
        CertificateCheck check = verifier.verify(TestKeys.iceEncryption().certificate(), now, Purpose.ENCRYPTION);
        assertThat(check.passed()).as(check.summary()).isTrue();
        assertThat(check.codes()).isEmpty();
    }

    @Test
    void anAgencySigningCertificateIsValidForSigning() {
        assertThat(verifier.verify(TestKeys.irsSigning().certificate(), now, Purpose.SIGNING).passed()).isTrue();
    }

    @Test
    void expired() {
        assertThat(verifier.verify(negative("expired", "sign"), now, Purpose.SIGNING).codes())
                .containsExactly(ErrorCode.CERT_EXPIRED);
    }

    @Test
    void notYetValid() {
        assertThat(verifier.verify(negative("not-yet-valid", "sign"), now, Purpose.SIGNING).codes())
                .containsExactly(ErrorCode.CERT_NOT_YET_VALID);
    }

    @Test
    void aValidCertificateCheckedAfterItsEndIsExpired() {
        X509Certificate ice = TestKeys.iceEncryption().certificate();
        assertThat(verifier.verify(ice, ice.getNotAfter().toInstant().plusSeconds(1), Purpose.ENCRYPTION).codes())
                .contains(ErrorCode.CERT_EXPIRED);
    }

    @Test
    void onADayTheCertificateCountsAsValidUntilItsLastDayEnds() {
        X509Certificate ice = TestKeys.iceEncryption().certificate();
        // the example CRL runs out with the certificates; this one lasts past them, so validity alone is tested
        var verifier = new CertificateVerifier(new TrustMaterial(TestKeys.EXAMPLE.trust().anchors(), List.of(
                ExampleCa.crl(now, ice.getNotAfter().toInstant().plus(java.time.Duration.ofDays(3))))));
        LocalDate lastDay = LocalDate.ofInstant(ice.getNotAfter().toInstant(), ZoneOffset.UTC);
        LocalDate firstDay = LocalDate.ofInstant(ice.getNotBefore().toInstant(), ZoneOffset.UTC);
        assertThat(verifier.verify(ice, lastDay, Purpose.ENCRYPTION).passed()).isTrue();
        assertThat(verifier.verify(ice, firstDay, Purpose.ENCRYPTION).passed()).isTrue();
        assertThat(verifier.verify(ice, lastDay.plusDays(1), Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_EXPIRED);
        assertThat(verifier.verify(ice, firstDay.minusDays(1), Purpose.ENCRYPTION).codes())
                .contains(ErrorCode.CERT_NOT_YET_VALID); // the example CA starts the same day
    }

    @Test
    void untrusted() {
        assertThat(verifier.verify(negative("untrusted", "encrypt"), now, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_UNTRUSTED);
    }

    @Test
    void revokedByTheCaCrl() {
        assertThat(verifier.verify(negative("revoked", "encrypt"), now, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_REVOKED);
    }

    @Test
    void withoutTheCrlTheRevokedCertificatesStatusIsUnknownNotValid() {
        var noCrl = new CertificateVerifier(new TrustMaterial(TestKeys.EXAMPLE.trust().anchors(), List.of()));
        assertThat(noCrl.verify(negative("revoked", "encrypt"), now, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);
    }

    @Test
    void revokedLocally() {
        X509Certificate ice = TestKeys.iceEncryption().certificate();
        var local = new CertificateVerifier(TestKeys.EXAMPLE.trust(), ice::equals);
        assertThat(local.verify(ice, now, Purpose.ENCRYPTION).codes()).containsExactly(ErrorCode.CERT_REVOKED);
    }

    @Test
    void wrongKeyUsage() {
        assertThat(verifier.verify(TestKeys.irsSigning().certificate(), now, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_KEY_USAGE);
        assertThat(verifier.verify(TestKeys.iceEncryption().certificate(), now, Purpose.SIGNING).codes())
                .containsExactly(ErrorCode.CERT_KEY_USAGE);
    }

    @Test
    void weakKey() {
        assertThat(verifier.verify(negative("weak-key", "sign"), now, Purpose.SIGNING).codes())
                .containsExactly(ErrorCode.CERT_WEAK_KEY);
    }

    @Test
    void sha1Signature() {
        assertThat(verifier.verify(negative("sha1-signed", "sign"), now, Purpose.SIGNING).codes())
                .containsExactly(ErrorCode.CERT_WEAK_SIGNATURE);
    }

    @Test
    void everyFailureIsReportedNotJustTheFirst() {
        X509Certificate expiredSigning = negative("expired", "sign");
        var nobodyTrusted = new CertificateVerifier(
                TrustMaterial.of(TestKeys.EXAMPLE.negative("untrusted", "sign").certificate()));
        CertificateCheck check = nobodyTrusted.verify(expiredSigning, now, Purpose.ENCRYPTION);
        assertThat(check.codes()).containsExactly(
                ErrorCode.CERT_EXPIRED, ErrorCode.CERT_UNTRUSTED, ErrorCode.CERT_KEY_USAGE);
        assertThat(check.summary()).contains("CERT_EXPIRED", "CERT_UNTRUSTED", "CERT_KEY_USAGE");
    }

    @Test
    void requireThrowsTheFirstCodeWithAllReasonsInTheMessage() {
        assertThatThrownBy(() -> verifier.require(negative("untrusted", "sign"), now, Purpose.ENCRYPTION))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CERT_UNTRUSTED);
                    assertThat(e.getMessage()).contains("CERT_UNTRUSTED", "CERT_KEY_USAGE");
                });
    }
}
