package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safegate.ErrorCode.CERT_EXPIRED;
import static org.safegate.ErrorCode.CERT_REVOKED;
import static org.safegate.ErrorCode.CERT_UNTRUSTED;
import static org.safegate.ErrorCode.CERT_WEAK_SIGNATURE;
import static org.safegate.ErrorCode.CRYPTO_ALGORITHM_REJECTED;
import static org.safegate.ErrorCode.CRYPTO_DECRYPT_FAILED;
import static org.safegate.ErrorCode.CRYPTO_MALFORMED;
import static org.safegate.ErrorCode.CRYPTO_NOT_RECIPIENT;
import static org.safegate.ErrorCode.CRYPTO_SIGNATURE_INVALID;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safegate.SafegateException;
import org.safegate.testing.TestClocks;

/** The "Bad input" list: one test per case, each a clean refusal with a reason code and no output. */
class BadInputTest {
    private static final byte[] PLAINTEXT = new byte[100_000];
    private static final byte[] SEALED;

    static {
        new Random(7).nextBytes(PLAINTEXT);
        SEALED = BadInputs.seal(PLAINTEXT, TestKeys.irsSigning());
    }

    @TempDir
    Path dir;

    @Test
    void emptyFile() throws Exception {
        BadInputs.assertRefused(dir, new byte[0], CRYPTO_MALFORMED);
    }

    @Test
    void randomBytes() throws Exception {
        byte[] random = new byte[5000];
        new Random(3).nextBytes(random);
        BadInputs.assertRefused(dir, random, CRYPTO_MALFORMED);
    }

    @ParameterizedTest(name = "truncated to {0} bytes")
    @ValueSource(ints = {1, 2, 10, 100, 600, 50_000, 99_000})
    void truncatedAtTheStart(int length) throws Exception {
        BadInputs.assertRefused(dir, Arrays.copyOf(SEALED, length), CRYPTO_MALFORMED, CRYPTO_DECRYPT_FAILED);
    }

    @ParameterizedTest(name = "truncated by {0} bytes")
    @ValueSource(ints = {1, 4, 5, 20, 22, 300})
    void truncatedAtTheEnd(int cut) throws Exception {
        BadInputs.assertRefused(dir, Arrays.copyOf(SEALED, SEALED.length - cut), CRYPTO_MALFORMED, CRYPTO_DECRYPT_FAILED);
    }

    @Test
    void flippedByteInTheCiphertext() throws Exception {
        BadInputs.assertRefused(dir, BadInputs.flip(SEALED, SEALED.length / 2), CRYPTO_DECRYPT_FAILED);
    }

    @Test
    void flippedByteInTheTag() throws Exception {
        int tag = SEALED.length - 6 - 16; // ... 04 10 <16-byte tag>, then three end-of-contents markers
        assertThat(SEALED[tag - 2]).isEqualTo((byte) 0x04);
        assertThat(SEALED[tag - 1]).isEqualTo((byte) 16);
        BadInputs.assertRefused(dir, BadInputs.flip(SEALED, tag + 5), CRYPTO_DECRYPT_FAILED);
    }

    @Test
    void flippedByteInTheSignature() throws Exception {
        byte[] signed = BadInputs.signedData(PLAINTEXT, TestKeys.irsSigning());
        int signature = lastIndexOf(signed, new byte[] {0x04, (byte) 0x82, 0x01, 0x00}) + 4; // 2048-bit RSA
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(BadInputs.flip(signed, signature + 100)),
                CRYPTO_SIGNATURE_INVALID);
    }

    @Test
    void flippedByteInTheSignedContentBeforeEncryption() throws Exception {
        byte[] signed = BadInputs.signedData(PLAINTEXT, TestKeys.irsSigning());
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(BadInputs.flip(signed, 5000)), CRYPTO_SIGNATURE_INVALID);
    }

    @Test
    void wrongRecipientKey() throws Exception {
        Path in = Files.write(dir.resolve("in.p7m"), SEALED);
        var doj = new Opener(TestKeys.EXAMPLE.agencyEncryption("DOJ"), TestKeys.verifier(), TestClocks.caseDay());
        assertCode(() -> doj.open(in, dir.resolve("out")), CRYPTO_NOT_RECIPIENT);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void rightCertificateButWrongPrivateKey() throws Exception {
        Path in = Files.write(dir.resolve("in.p7m"), SEALED);
        var mixed = new org.safegate.keys.Identity(TestKeys.EXAMPLE.agencyEncryption("DOJ").privateKey(),
                TestKeys.iceEncryption().certificate());
        var opener = new Opener(mixed, TestKeys.verifier(), TestClocks.caseDay());
        assertCode(() -> opener.open(in, dir.resolve("out")), CRYPTO_NOT_RECIPIENT);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void signedByAnUnknownSigner() throws Exception {
        byte[] sealed = BadInputs.seal(PLAINTEXT, TestKeys.EXAMPLE.negative("untrusted", "sign"));
        BadInputs.assertRefused(dir, sealed, CERT_UNTRUSTED);
    }

    @Test
    void signedWithAnExpiredCertificate() throws Exception {
        byte[] sealed = BadInputs.seal(PLAINTEXT, TestKeys.EXAMPLE.negative("expired", "sign"));
        BadInputs.assertRefused(dir, sealed, CERT_EXPIRED);
    }

    @Test
    void signedWithARevokedCertificate() throws Exception {
        byte[] sealed = BadInputs.seal(PLAINTEXT, TestKeys.EXAMPLE.negative("revoked", "sign"));
        BadInputs.assertRefused(dir, sealed, CERT_REVOKED);
    }

    @Test
    void signedWithASha1SignedCertificate() throws Exception {
        byte[] sealed = BadInputs.seal(PLAINTEXT, TestKeys.EXAMPLE.negative("sha1-signed", "sign"));
        BadInputs.assertRefused(dir, sealed, CERT_WEAK_SIGNATURE);
    }

    @Test
    void sha1Signature() throws Exception {
        byte[] signed = BadInputs.signedDataWith("SHA1withRSA", PLAINTEXT, CMSObjectIdentifiers.data.getId(),
                TestKeys.irsSigning());
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(signed), CRYPTO_ALGORITHM_REJECTED);
    }

    @Test
    void cmsNestedInCmsManyLevelsDeep() throws Exception {
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(BadInputs.nestedSignedData(40)), CRYPTO_MALFORMED);
    }

    @Test
    void asn1NestedHundredsOfThousandsDeepInsideTheEncryption() throws Exception {
        byte[] bomb = new byte[400_000];
        for (int i = 0; i < bomb.length; i += 2) {
            bomb[i] = 0x30;
            bomb[i + 1] = (byte) 0x80;
        }
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(bomb), CRYPTO_MALFORMED);
    }

    @Test
    void asn1NestedHundredsOfThousandsDeepOutside() throws Exception {
        byte[] bomb = new byte[400_000];
        for (int i = 0; i < bomb.length; i += 2) {
            bomb[i] = 0x30;
            bomb[i + 1] = (byte) 0x80;
        }
        BadInputs.assertRefused(dir, bomb, CRYPTO_MALFORMED);
    }

    @Test
    void enormousDeclaredLength() throws Exception {
        byte[] header = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06, 0x09};
        BadInputs.assertRefused(dir, concat(header, new byte[64]), CRYPTO_MALFORMED);
    }

    @Test
    void lengthLongerThanEightBytesCanHold() throws Exception {
        byte[] header = {0x30, (byte) 0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        BadInputs.assertRefused(dir, concat(header, new byte[64]), CRYPTO_MALFORMED);
    }

    @Test
    void enormousDeclaredLengthInsideTheEncryption() throws Exception {
        byte[] inner = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0x06, 0x09,
                0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02, (byte) 0xa0, (byte) 0x84,
                0x7f, (byte) 0xff, (byte) 0xff, (byte) 0x00};
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(concat(inner, new byte[1000])),
                CRYPTO_MALFORMED, CRYPTO_DECRYPT_FAILED);
    }

    @Test
    void signedButNotEncrypted() throws Exception {
        BadInputs.assertRefused(dir, BadInputs.signedData(PLAINTEXT, TestKeys.irsSigning()), CRYPTO_MALFORMED);
    }

    @Test
    void encryptedButNotSigned() throws Exception {
        BadInputs.assertRefused(dir, BadInputs.envelopeToIce(PLAINTEXT), CRYPTO_MALFORMED);
    }

    @Test
    void rsaPkcs1KeyTransportIsRefused() throws Exception {
        var generator = new CMSAuthEnvelopedDataStreamGenerator();
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(TestKeys.iceEncryption().certificate()));
        var encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var envelope = generator.open(out, encryptor)) {
            envelope.write(BadInputs.signedData(PLAINTEXT, TestKeys.irsSigning()));
        }
        BadInputs.assertRefused(dir, out.toByteArray(), CRYPTO_ALGORITHM_REJECTED);
    }

    @Test
    void aShortGcmTagIsRefused() throws Exception {
        byte[] nonce = new byte[12];
        new Random(9).nextBytes(nonce);
        var gcm12 = new AlgorithmIdentifier(CMSAlgorithm.AES256_GCM, new GCMParameters(nonce, 12));
        BadInputs.assertRefused(dir, envelopeWith(new JceCMSContentEncryptorBuilder(gcm12)), CRYPTO_ALGORITHM_REJECTED);
    }

    @Test
    void aes128GcmIsRefused() throws Exception {
        BadInputs.assertRefused(dir, envelopeWith(new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES128_GCM)),
                CRYPTO_ALGORITHM_REJECTED);
    }

    private static byte[] envelopeWith(JceCMSContentEncryptorBuilder builder) throws Exception {
        var generator = new CMSAuthEnvelopedDataStreamGenerator();
        var wrapper = new org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper(
                AlgorithmSuite.DEFAULT.keyTransport(), TestKeys.iceEncryption().certificate().getPublicKey());
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(
                TestKeys.iceEncryption().certificate(), wrapper).setProvider(Providers.BC));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var envelope = generator.open(out, (OutputAEADEncryptor) builder.setProvider(Providers.BC).build())) {
            envelope.write(BadInputs.signedData(PLAINTEXT, TestKeys.irsSigning()));
        }
        return out.toByteArray();
    }

    private static void assertCode(Runnable action, org.safegate.ErrorCode code) {
        try {
            action.run();
        } catch (SafegateException e) {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            return;
        }
        throw new AssertionError("expected " + code);
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

}
