package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;
import org.safegate.testing.TestClocks;

/**
 * Signed input is held to the suite that sealed files are held to. The agency's tool is the real
 * {@code openssl cms -sign}; only a signature OpenSSL will not make is built with Bouncy Castle.
 */
class SignedInputAlgorithmTest {
    private static final byte[] CONTENT = "tin,name\n123456789,Jane Roe\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "openssl cms -sign -md {0}")
    @ValueSource(strings = {"md5", "sha1"})
    @DisplayName("An agency signs with its registered key and an MD5 or SHA-1 digest. Result: CRYPTO_ALGORITHM_REJECTED.")
    void aSignatureWithABrokenDigestIsRefused(String digest) throws Exception {
        Path signed = opensslSign(TestKeys.exampleDir().resolve("agencies/IRS"), digest);

        assertRefused(signed, TestKeys.irsSigning().certificate(), ErrorCode.CRYPTO_ALGORITHM_REJECTED);
    }

    @ParameterizedTest(name = "openssl cms -sign -md {0}")
    @ValueSource(strings = {"sha256", "sha384", "sha512"})
    void aSignatureWithASha2DigestIsAccepted(String digest) throws Exception {
        Path signed = opensslSign(TestKeys.exampleDir().resolve("agencies/IRS"), digest);

        SignedInput.Verified verified = SignedInput.verify(signed, TestKeys.irsSigning().certificate(),
                TestKeys.verifier(), TestClocks.CASE_DAY);

        assertThat(verified.signer()).isEqualTo(TestKeys.irsSigning().certificate());
    }

    @Test
    @DisplayName("An agency whose registered key is RSA 1024 signs with SHA-256. Result: CERT_WEAK_KEY.")
    void aSignatureByA1024BitRsaKeyIsRefused() throws Exception {
        Path signed = opensslSign(TestKeys.exampleDir().resolve("negative/weak-key"), "sha256");

        assertRefused(signed, TestKeys.EXAMPLE.negative("weak-key", "sign").certificate(), ErrorCode.CERT_WEAK_KEY);
    }

    @Test
    @DisplayName("RSA-PSS that hashes with SHA-1 over a SHA-256 content digest. Result: CRYPTO_ALGORITHM_REJECTED.")
    void anRsaPssSignatureHashingWithSha1IsRefused() throws Exception {
        Identity irs = TestKeys.irsSigning();
        var generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setContentDigest(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
                .build(new JcaContentSignerBuilder("SHA1withRSAandMGF1").setProvider(Providers.BC)
                        .build(irs.privateKey()), irs.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(irs.certificate())));
        byte[] signed = generator.generate(new CMSProcessableByteArray(CMSObjectIdentifiers.data, CONTENT), true)
                .getEncoded("DER");

        assertRefused(Files.write(dir.resolve("pss.p7s"), signed), irs.certificate(),
                ErrorCode.CRYPTO_ALGORITHM_REJECTED);
        BadInputs.assertRefused(Files.createDirectory(dir.resolve("sealed")), BadInputs.envelopeToIce(signed),
                ErrorCode.CRYPTO_ALGORITHM_REJECTED);
    }

    private static void assertRefused(Path signed, java.security.cert.X509Certificate registered, ErrorCode code) {
        SafegateException e = catchThrowableOfType(SafegateException.class, () -> SignedInput.verify(signed,
                registered, TestKeys.verifier(), TestClocks.CASE_DAY));
        assertThat(e).as("verification must fail").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    }

    private Path opensslSign(Path keys, String digest) throws IOException, InterruptedException {
        Path in = Files.write(dir.resolve("in.csv"), CONTENT);
        Path out = dir.resolve("in.csv." + digest + ".p7s");
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-sign", "-binary", "-nodetach",
                "-in", in.toString(), "-signer", keys.resolve("sign.crt").toString(),
                "-inkey", keys.resolve("sign.key").toString(), "-md", digest, "-outform", "DER", "-out", out.toString()));
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(new String(openssl.getInputStream().readAllBytes())).isZero();
        return out;
    }
}
