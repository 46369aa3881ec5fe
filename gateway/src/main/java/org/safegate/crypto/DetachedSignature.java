package org.safegate.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;

/**
 * A detached CMS signature (SignedData without the content, signer certificate included) over a
 * small document such as a receipt. Checked with
 * {@code openssl cms -verify -inform DER -in receipt.json.p7s -content receipt.json -CAfile ca.crt -binary}.
 */
public final class DetachedSignature {
    private final Identity signer;
    private final AlgorithmSuite suite;

    public DetachedSignature(Identity signer) {
        this.signer = signer;
        this.suite = AlgorithmSuite.DEFAULT;
    }

    /** DER-encoded SignedData over {@code content}, without the content. */
    public byte[] sign(byte[] content) {
        try {
            var contentSigner = new JcaContentSignerBuilder(suite.signatureAlgorithm(signer.privateKey()))
                    .build(signer.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(contentSigner, signer.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | IOException e) {
            throw new SafegateException(ErrorCode.CRYPTO_FAILURE, "cannot sign as " + signer.subject(), e);
        }
    }
}
