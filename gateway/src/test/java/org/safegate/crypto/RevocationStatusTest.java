package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.TrustMaterial;
import org.safegate.testing.TestClocks;

/**
 * Revocation fails closed: a certificate's status is known only from a current CRL signed by its
 * issuer, or by an explicit declaration that the issuer publishes none. Everything is judged at
 * the time or day given to the verifier (the case day here), never the wall clock.
 */
class RevocationStatusTest {
    private static final Instant NOW = TestClocks.CASE_DAY;
    private static final Duration DAY = Duration.ofDays(1);

    private final X509Certificate ice = TestKeys.iceEncryption().certificate();

    @Test
    @DisplayName("The CA's CRL is past its nextUpdate. Result: CERT_STATUS_UNKNOWN, not a pass.")
    void aCrlPastItsNextUpdateLeavesTheStatusUnknown() {
        X509CRL stale = ExampleCa.crl(NOW.minus(DAY.multipliedBy(30)), NOW.minus(Duration.ofHours(1)));

        CertificateCheck check = withCrls(stale).verify(ice, NOW, Purpose.ENCRYPTION);

        assertThat(check.codes()).containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);
        assertThat(check.summary()).contains("nextUpdate", stale.getNextUpdate().toInstant().toString());
    }

    @Test
    @DisplayName("A CRL that runs out during the day. Result: current at a moment before, unknown for the day.")
    void onADayTheCrlMustLastTheWholeDay() {
        X509CRL endsToday = ExampleCa.crl(NOW.minus(DAY.multipliedBy(6)), NOW.plus(Duration.ofHours(6)));
        CertificateVerifier verifier = withCrls(endsToday);

        assertThat(verifier.verify(ice, NOW, Purpose.ENCRYPTION).passed()).isTrue();
        assertThat(verifier.verify(ice, TestClocks.CASE_DATE.minusDays(1), Purpose.ENCRYPTION).passed()).isTrue();
        assertThat(verifier.verify(ice, TestClocks.CASE_DATE, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);
    }

    @Test
    @DisplayName("The trust anchor has no CRL at all. Result: CERT_STATUS_UNKNOWN, not 'no revocation checking'.")
    void aTrustAnchorWithNoCrlLeavesTheStatusUnknown() {
        CertificateCheck check = withCrls().verify(ice, NOW, Purpose.ENCRYPTION);

        assertThat(check.codes()).containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);
        assertThat(check.summary()).contains("no CRL");
    }

    @Test
    @DisplayName("An anchor declared as publishing no CRL. Result: its certificates are checked without one.")
    void anAnchorDeclaredWithoutCrlIsCheckedWithoutOne() {
        AnchorsWithoutCrl declared = AnchorsWithoutCrl.parse(AnchorsWithoutCrl.fingerprint(ExampleCa.certificate()));
        var verifier = new CertificateVerifier(() -> new TrustMaterial(List.of(ExampleCa.certificate()), List.of()),
                certificate -> false, declared);

        assertThat(verifier.verify(ice, NOW, Purpose.ENCRYPTION).passed()).isTrue();
        assertThat(verifier.verify(ice, TestClocks.CASE_DATE, Purpose.ENCRYPTION).passed()).isTrue();
    }

    @Test
    void aRevocationListedInAStaleCrlStillCounts() {
        X509Certificate revoked = TestKeys.EXAMPLE.negative("revoked", "encrypt").certificate();
        X509CRL stale = ExampleCa.crl(NOW.minus(DAY.multipliedBy(30)), NOW.minus(DAY), revoked);

        assertThat(withCrls(stale).verify(revoked, NOW, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_REVOKED);
    }

    @Test
    @DisplayName("A current-looking CRL with the CA's name but another key's signature. Result: CERT_STATUS_UNKNOWN.")
    void aCrlNotSignedByTheAnchorDoesNotCount() {
        assertThat(withCrls(ExampleCa.crlSignedByAnotherKey()).verify(ice, NOW, Purpose.ENCRYPTION).codes())
                .containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);
    }

    @Test
    @DisplayName("The only current CRL has a critical extension nobody knows. Result: it is not used, CERT_STATUS_UNKNOWN.")
    void aCrlWithAnUnrecognisedCriticalExtensionIsNotUsed() {
        CertificateCheck check = withCrls(ExampleCa.crlWithUnknownCriticalExtension()).verify(ice, NOW,
                Purpose.ENCRYPTION);

        assertThat(check.codes()).containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);
        assertThat(check.summary()).contains(ExampleCa.UNKNOWN_EXTENSION.getId());
    }

    @Test
    @DisplayName("A certificate with a critical extension nobody knows. Result: CERT_UNTRUSTED naming it.")
    void aCertificateWithAnUnrecognisedCriticalExtensionIsRefused() throws Exception {
        X509Certificate odd = ExampleCa.certificateWithUnknownCriticalExtension();

        CertificateCheck check = TestKeys.verifier().verify(odd, NOW, Purpose.SIGNING);

        assertThat(check.codes()).containsExactly(ErrorCode.CERT_UNTRUSTED);
        assertThat(check.summary()).contains("critical extension", ExampleCa.UNKNOWN_EXTENSION.getId());
    }

    @Test
    void requireThrowsADefiniteFailureBeforeAnUnknownStatus() {
        X509Certificate expired = TestKeys.EXAMPLE.negative("expired", "encrypt").certificate();

        assertThatThrownBy(() -> withCrls().require(expired, NOW, Purpose.ENCRYPTION))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CERT_EXPIRED);
                    assertThat(e.getMessage()).contains("CERT_STATUS_UNKNOWN");
                });
        assertThatThrownBy(() -> withCrls().require(ice, NOW, Purpose.ENCRYPTION))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_STATUS_UNKNOWN));
    }

    @Test
    @DisplayName("A current CRL is installed after a stale one. Result: the same verifier sees it at once.")
    void aNewCrlTakesEffectWithoutANewVerifier() {
        var trust = new AtomicReference<>(new TrustMaterial(List.of(ExampleCa.certificate()),
                List.of(ExampleCa.crl(NOW.minus(DAY.multipliedBy(30)), NOW.minus(DAY)))));
        var verifier = new CertificateVerifier(trust::get, certificate -> false, AnchorsWithoutCrl.NONE);
        assertThat(verifier.verify(ice, NOW, Purpose.ENCRYPTION).codes()).containsExactly(ErrorCode.CERT_STATUS_UNKNOWN);

        trust.set(new TrustMaterial(List.of(ExampleCa.certificate()), List.of(ExampleCa.crl(NOW, NOW.plus(DAY)))));

        assertThat(verifier.verify(ice, NOW, Purpose.ENCRYPTION).passed()).isTrue();
    }

    private static CertificateVerifier withCrls(X509CRL... crls) {
        return new CertificateVerifier(new TrustMaterial(List.of(ExampleCa.certificate()), List.of(crls)));
    }
}
