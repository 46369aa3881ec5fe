package org.safegate.crypto;

import java.io.IOException;
import java.time.Clock;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
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
    private final CmsSigner cmsSigner;

    /** @param clock dates each signature */
    public DetachedSignature(Identity signer, Clock clock) {
        this.signer = signer;
        this.cmsSigner = new CmsSigner(signer, AlgorithmSuite.DEFAULT, clock);
    }

    /** DER-encoded SignedData over {@code content}, without the content. */
    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            cmsSigner.addTo(generator);
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (CMSException | IOException e) {
            throw new SafegateException(ErrorCode.CRYPTO_FAILURE, "cannot sign as " + signer.subject(), e);
        }
    }
}
