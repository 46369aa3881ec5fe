package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safegate.ErrorCode.CRYPTO_DECRYPT_FAILED;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ContentHints;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.SimpleAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authenticated attributes of AuthEnvelopedData (RFC 5083) are GCM associated data: a file whose
 * attributes verify opens, and attributes changed, added or removed after sealing fail the tag.
 * The files are made by Bouncy Castle's own generator, the way another CMS implementation would.
 */
class AuthenticatedAttributesTest {
    private static final byte[] PLAINTEXT = new byte[20_000];
    private static final String HINT = "IRS batch 2026-12-01";

    static {
        new Random(11).nextBytes(PLAINTEXT);
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("A file sealed with authenticated attributes that verify. Result: it opens.")
    void aFileWhoseAuthenticatedAttributesVerifyOpens() throws Exception {
        Path in = Files.write(dir.resolve("in.p7m"), sealedWithAttributes());
        Path out = dir.resolve("out.bin");

        TestKeys.iceOpener().open(in, out);

        assertThat(out).hasBinaryContent(PLAINTEXT);
    }

    @Test
    @DisplayName("An authenticated attribute changed after sealing. Result: CRYPTO_DECRYPT_FAILED, no output.")
    void aChangedAuthenticatedAttributeIsDetected() throws Exception {
        byte[] sealed = sealedWithAttributes();
        int at = indexOf(sealed, HINT.getBytes(StandardCharsets.UTF_8));

        BadInputs.assertRefused(dir, BadInputs.flip(sealed, at + 4), CRYPTO_DECRYPT_FAILED);
    }

    @Test
    @DisplayName("Authenticated attributes added to a file sealed without them. Result: CRYPTO_DECRYPT_FAILED.")
    void authenticatedAttributesAddedAfterSealingAreDetected() throws Exception {
        byte[] sealed = BadInputs.seal(PLAINTEXT, TestKeys.irsSigning());
        int mac = sealed.length - 6 - 18; // ... [1] authAttrs would go here, then 04 10 <tag>, three end-of-contents
        assertThat(sealed[mac]).isEqualTo((byte) 0x04);
        byte[] authAttrs = new DERTaggedObject(false, 1, new DERSet(hint())).getEncoded("DER");

        BadInputs.assertRefused(dir, insert(sealed, mac, authAttrs), CRYPTO_DECRYPT_FAILED);
    }

    @Test
    @DisplayName("The authenticated attributes removed from a file sealed with them. Result: CRYPTO_DECRYPT_FAILED.")
    void authenticatedAttributesRemovedAfterSealingAreDetected() throws Exception {
        byte[] sealed = sealedWithAttributes();
        byte[] authAttrs = new DERTaggedObject(false, 1, new DERSet(hint())).getEncoded("DER");
        int at = indexOf(sealed, authAttrs);
        byte[] without = new byte[sealed.length - authAttrs.length];
        System.arraycopy(sealed, 0, without, 0, at);
        System.arraycopy(sealed, at + authAttrs.length, without, at, sealed.length - at - authAttrs.length);

        BadInputs.assertRefused(dir, without, CRYPTO_DECRYPT_FAILED);
    }

    /** SignedData as Safegate signs it, in AuthEnvelopedData (AES-256-GCM, RSA-OAEP) with one authenticated attribute. */
    private static byte[] sealedWithAttributes() throws Exception {
        var generator = new CMSAuthEnvelopedDataStreamGenerator();
        var wrapper = new JceAsymmetricKeyWrapper(AlgorithmSuite.DEFAULT.keyTransport(),
                TestKeys.iceEncryption().certificate().getPublicKey());
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(
                TestKeys.iceEncryption().certificate(), wrapper).setProvider(Providers.BC));
        generator.setAuthenticatedAttributeGenerator(new SimpleAttributeTableGenerator(
                new AttributeTable(new DERSet(hint()))));
        var encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                .setProvider(Providers.BC).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var envelope = generator.open(out, encryptor)) {
            envelope.write(BadInputs.signedData(PLAINTEXT, TestKeys.irsSigning()));
        }
        return out.toByteArray();
    }

    private static Attribute hint() {
        return new Attribute(PKCSObjectIdentifiers.id_aa_contentHint, new DERSet(
                new ContentHints(CMSObjectIdentifiers.signedData, new DERUTF8String(HINT))));
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] result = Arrays.copyOf(bytes, bytes.length + inserted.length);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
