package org.safegate.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;

/**
 * What every CMS signature of one identity shares, prepared once: its certificate in Bouncy
 * Castle's form and the digest calculators. A signature itself needs a fresh signer each time
 * ({@link #addTo}), as a signer carries the state of the one signature it is computing.
 */
final class CmsSigner {
    private final Identity identity;
    private final AlgorithmSuite suite;
    private final X509CertificateHolder certificate;
    private final JcaCertStore certificates;
    private final DigestCalculatorProvider digests;
    private final Clock clock;

    /** @param clock dates each signature (its signingTime attribute) */
    CmsSigner(Identity identity, AlgorithmSuite suite, Clock clock) {
        this.identity = identity;
        this.suite = suite;
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.certificate = new X509CertificateHolder(identity.certificate().getEncoded());
            this.certificates = new JcaCertStore(List.of(identity.certificate()));
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw failure(e);
        }
    }

    /** Adds a signer of this identity (certificate included) to the generator. */
    void addTo(CMSSignedGenerator generator) {
        try {
            var contentSigner = new JcaContentSignerBuilder(suite.signatureAlgorithm(identity.privateKey()))
                    .build(identity.privateKey());
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(signedAttributes()).build(contentSigner, certificate);
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(certificates);
        } catch (OperatorCreationException | CMSException e) {
            throw failure(e);
        }
    }

    /** The standard signed attributes, with the signing time read from the clock rather than the JVM's. */
    private DefaultSignedAttributeTableGenerator signedAttributes() {
        Attribute signingTime = new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(clock.instant()))));
        return new DefaultSignedAttributeTableGenerator(new AttributeTable(signingTime));
    }

    private SafegateException failure(Exception e) {
        return new SafegateException(ErrorCode.CRYPTO_FAILURE, "cannot sign as " + identity.subject(), e);
    }
}
