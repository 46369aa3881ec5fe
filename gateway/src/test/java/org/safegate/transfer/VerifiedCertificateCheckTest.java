package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.keys.InsecureExampleKeyStore;
import org.safegate.policy.Reason;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.Reference;
import org.safegate.policy.model.Source;
import org.safegate.testing.TestClocks;

/** The certificate rows of the denial catalogue, with the example PKI's negative certificates. */
class VerifiedCertificateCheckTest {
    private static final Path ROOT = root();
    private static final InsecureExampleKeyStore KEYS = new InsecureExampleKeyStore(ROOT.resolve("keys-example"));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "keys-example/agencies/ICE/encrypt.crt, ''",
        "keys-example/negative/expired/encrypt.crt, CERT_EXPIRED",
        "keys-example/negative/revoked/encrypt.crt, CERT_REVOKED",
        "keys-example/negative/untrusted/encrypt.crt, CERT_UNTRUSTED",
        "keys-example/agencies/ICE/sign.crt, CERT_UNUSABLE",
        "keys-example/no-such.crt, CERT_MISSING"})
    void eachCertificateProblemDeniesWithItsCode(String certificate, String expected) {
        Agency agency = new Agency("ICE", "ICE", new Reference(ROOT.resolve(certificate).toString()), Optional.empty(), Endpoint.directory("o"),
                Endpoint.directory("i"), new Source(Path.of("t"), 1, Map.of()));
        var check = new VerifiedCertificateCheck(KEYS, new CertificateVerifier(KEYS.trust()), new Endpoints(ROOT));

        var codes = check.check(agency, TestClocks.CASE_DATE).stream().map(Reason::code).toList();

        if (expected.isEmpty()) {
            assertThat(codes).isEmpty();
        } else {
            assertThat(codes).contains(ReasonCode.valueOf(expected));
        }
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("keys-example")) ? dir : dir.getParent();
    }
}
