package org.safegate.crypto;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.KeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.AsymmetricKeyWrapper;

/**
 * Names the recipient of the content key by its certificate's issuer and serial number, as
 * {@code JceKeyTransRecipientInfoGenerator} does, but reads only those two fields: that class
 * parses the whole certificate again for every file sealed, a few percent of a small file's CPU.
 */
final class IssuerSerialRecipient extends KeyTransRecipientInfoGenerator {
    IssuerSerialRecipient(X509Certificate recipient, AsymmetricKeyWrapper wrapper) {
        super(new IssuerAndSerialNumber(X500Name.getInstance(recipient.getIssuerX500Principal().getEncoded()),
                recipient.getSerialNumber()), wrapper);
    }
}
