package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;
import org.safegate.testing.TestClocks;

/** Builders for valid and deliberately broken sealed files, and the assertion every bad input shares. */
final class BadInputs {
    private BadInputs() {
    }

    static byte[] seal(byte[] plaintext, Identity signer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Sealer(signer, TestClocks.caseDay()).seal(new ByteArrayInputStream(plaintext), out, TestKeys.iceEncryption().certificate());
        return out.toByteArray();
    }

    static Path sealToIce(Path dir, byte[] plaintext, Identity signer) throws IOException {
        return Files.write(dir.resolve("sealed.p7m"), seal(plaintext, signer));
    }

    /** Encrypts arbitrary bytes to ICE exactly as sealing does, without signing them. */
    static byte[] envelopeToIce(byte[] inner) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream envelope = new Sealer(TestKeys.irsSigning(), TestClocks.caseDay())
                    .openEnvelope(out, TestKeys.iceEncryption().certificate())) {
                envelope.write(inner);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SignedData that sealing would encrypt. */
    static byte[] signedData(byte[] plaintext, Identity signer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream signed = new Sealer(signer, TestClocks.caseDay()).openSignature(out)) {
                signed.write(plaintext);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DER SignedData made with any signature algorithm, bypassing the suite (for SHA-1, weak keys). */
    static byte[] signedDataWith(String algorithm, byte[] content, String contentType, Identity signer) throws Exception {
        var generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey()), signer.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
        var type = new org.bouncycastle.asn1.ASN1ObjectIdentifier(contentType);
        return generator.generate(new CMSProcessableByteArray(type, content), true).getEncoded("DER");
    }

    static byte[] nestedSignedData(int levels) throws Exception {
        byte[] inner = "innermost".getBytes();
        String type = CMSObjectIdentifiers.data.getId();
        for (int i = 0; i < levels; i++) {
            inner = signedDataWith("SHA256withRSA", inner, type, TestKeys.irsSigning());
            type = CMSObjectIdentifiers.signedData.getId();
        }
        return inner;
    }

    static byte[] flip(byte[] bytes, int offset) {
        byte[] copy = bytes.clone();
        copy[offset] ^= 0x01;
        return copy;
    }

    /** Opens {@code sealed} as a file; asserts a clean refusal with one of the codes and no output left behind. */
    static ErrorCode assertRefused(Path dir, byte[] sealed, ErrorCode... expected) throws IOException {
        Path in = Files.write(dir.resolve("in.p7m"), sealed);
        Path out = dir.resolve("out.bin");
        SafegateException e = catchThrowableOfType(SafegateException.class, () -> TestKeys.iceOpener().open(in, out));
        assertThat(e).as("opening must fail").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isIn((Object[]) expected);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("in.p7m");
        }
        Files.delete(in);
        return e.code();
    }
}
