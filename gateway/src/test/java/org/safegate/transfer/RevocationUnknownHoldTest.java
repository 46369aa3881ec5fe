package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.crypto.AnchorsWithoutCrl;
import org.safegate.crypto.ExampleCa;
import org.safegate.keys.PemFiles;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * A certificate whose revocation status cannot be told (the CA's CRL is stale, or there is none)
 * holds the file: it is neither sent nor denied, stays in its outbox, is named with its reason in
 * the log, the audit log and the held list ({@code run --once} prints that list), and goes on once
 * a current CRL is installed or the CA is declared as publishing none.
 */
class RevocationUnknownHoldTest extends TransferScenarioTest {
    private static final Instant NOW = TestClocks.CASE_DAY;

    @Test
    @DisplayName("The CA's CRL is past its nextUpdate. Result: held with CERT_STATUS_UNKNOWN; delivered once a current CRL is in.")
    void aStaleCrlHoldsTheFileUntilACurrentOneIsInstalled() throws Exception {
        installCrl(ExampleCa.crl(NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(2))));
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertHeldFor(file, "DOJ's certificate", "is past its nextUpdate");

        installCrl(ExampleCa.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7))));
        gateway.processor().held().retryNow(taken("IRS", file));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m"))).isEqualTo(ADDRESSES);
    }

    @Test
    @DisplayName("The CA has no CRL at all. Result: held; delivered after the CA is declared in safegate.crl.not-required.")
    void aMissingCrlHoldsTheFileUntilTheCaIsDeclaredAsPublishingNone() throws Exception {
        Files.delete(workspace.resolve("keys-example/ca/ca.crl"));
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "b.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);
        assertHeldFor(file, "DOJ's certificate", "no CRL of CN=Safegate Example Root CA");

        restart(Map.of("safegate.crl.not-required", opensslFingerprint(ExampleCa.certificate().getEncoded())));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
    }

    @Test
    @DisplayName("A signed file whose signer's CA has a stale CRL. Result: held, not quarantined as a bad signature.")
    void aSignerWithAStaleCrlHoldsTheFileRatherThanQuarantiningIt() throws Exception {
        installCrl(ExampleCa.crl(NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(2))));
        start();
        Path file = opensslSign(drop("IRS", "IRS-DOJ-2024", "c.csv.p7s", ADDRESSES));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertHeldFor(file, "IRS's signing certificate", "is past its nextUpdate");
    }

    @Test
    void aMalformedCrlNotRequiredSettingStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> start(Map.of("safegate.crl.not-required", "CN=Safegate Example Root CA")))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("safegate.crl.not-required", "'CN=Safegate'",
                            "SHA-256 fingerprint");
                });
    }

    private void assertHeldFor(Path file, String what, String why) throws Exception {
        assertThat(taken("IRS", file)).exists();
        String reason = gateway.processor().held().current().get(taken("IRS", file));
        assertThat(reason).startsWith("CERT_STATUS_UNKNOWN: ").contains(what, why, "held until a current CRL");
        assertThat(single(AuditEventType.TRANSFER_HELD).entry().change()).contains("CERT_STATUS_UNKNOWN", why);
        for (AuditEventType ended : List.of(AuditEventType.TRANSFER_DELIVERED, AuditEventType.TRANSFER_DENIED,
                AuditEventType.TRANSFER_QUARANTINED)) {
            assertThat(events(ended)).isEmpty();
        }
        assertThat(listAll(inbox("IRS"))).isEmpty();
        assertThat(listAll(inbox("DOJ"))).isEmpty();
    }

    private void installCrl(java.security.cert.X509CRL crl) {
        PemFiles.writeCrl(workspace.resolve("keys-example/ca/ca.crl"), crl);
    }

    /** The fingerprint as {@code openssl x509 -noout -fingerprint -sha256} prints it: upper case, colons. */
    private static String opensslFingerprint(byte[] der) throws Exception {
        String hex = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        assertThat(hex).isEqualTo(AnchorsWithoutCrl.fingerprint(ExampleCa.certificate()));
        return String.join(":", hex.toUpperCase(Locale.ROOT).split("(?<=\\G..)"));
    }

    private Path opensslSign(Path file) throws Exception {
        Path keys = workspace.resolve("keys-example/agencies/IRS");
        Path out = workspace.resolve("signed.der");
        Process openssl = new ProcessBuilder(List.of("openssl", "cms", "-sign", "-binary", "-nodetach", "-in",
                file.toString(), "-signer", keys.resolve("sign.crt").toString(), "-inkey",
                keys.resolve("sign.key").toString(), "-md", "sha256", "-outform", "DER", "-out", out.toString()))
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        return write(file, Files.readAllBytes(out));
    }
}
