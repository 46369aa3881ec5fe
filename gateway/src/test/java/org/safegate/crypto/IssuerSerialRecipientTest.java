package org.safegate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import javax.crypto.KeyGenerator;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.bouncycastle.operator.jcajce.JceGenericKey;
import org.junit.jupiter.api.Test;

class IssuerSerialRecipientTest {
    @Test
    void namesTheRecipientExactlyAsBouncyCastlesOwnGeneratorDoes() throws Exception {
        X509Certificate ice = TestKeys.iceEncryption().certificate();
        var wrapper = new JceAsymmetricKeyWrapper(AlgorithmSuite.DEFAULT.keyTransport(), ice.getPublicKey())
                .setProvider(Providers.BC);
        var contentKey = new JceGenericKey(null, KeyGenerator.getInstance("AES").generateKey());

        RecipientInfo ours = new IssuerSerialRecipient(ice, wrapper).generate(contentKey);
        RecipientInfo theirs = new JceKeyTransRecipientInfoGenerator(ice, wrapper).generate(contentKey);

        assertThat(KeyTransRecipientInfo.getInstance(ours.getInfo()).getRecipientIdentifier().getEncoded())
                .isEqualTo(KeyTransRecipientInfo.getInstance(theirs.getInfo()).getRecipientIdentifier().getEncoded());
        assertThat(KeyTransRecipientInfo.getInstance(ours.getInfo()).getKeyEncryptionAlgorithm())
                .isEqualTo(KeyTransRecipientInfo.getInstance(theirs.getInfo()).getKeyEncryptionAlgorithm());
    }
}
