package org.safegate.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.safegate.keys.Identity;
import org.safegate.keys.PemFiles;
import org.safegate.testing.TestClocks;

/**
 * CRLs and certificates from the committed INSECURE example CA ({@code keys-example/ca}), dated
 * relative to the case day, for revocation tests: stale, current, missing, or carrying extensions
 * the verifier does not know.
 */
public final class ExampleCa {
    /** A private-arc OID no verifier knows. */
    static final ASN1ObjectIdentifier UNKNOWN_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");

    private static final Identity CA = PemFiles.readIdentity(TestKeys.exampleDir().resolve("ca/ca.key"),
            TestKeys.exampleDir().resolve("ca/ca.crt"), null);

    private ExampleCa() {
    }

    public static X509Certificate certificate() {
        return CA.certificate();
    }

    /** A CRL of the example CA issued {@code thisUpdate}, due for renewal {@code nextUpdate}. */
    public static X509CRL crl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        return crl(CA.privateKey(), thisUpdate, nextUpdate, null, revoked);
    }

    /** A current CRL with a critical extension nobody knows. */
    static X509CRL crlWithUnknownCriticalExtension() {
        return crl(CA.privateKey(), TestClocks.CASE_DAY.minus(Duration.ofDays(1)),
                TestClocks.CASE_DAY.plus(Duration.ofDays(7)), UNKNOWN_EXTENSION);
    }

    /** A current CRL naming the example CA as its issuer, but signed with another key. */
    static X509CRL crlSignedByAnotherKey() {
        return crl(TestKeys.EXAMPLE.negative("untrusted", "sign").privateKey(),
                TestClocks.CASE_DAY.minus(Duration.ofDays(1)), TestClocks.CASE_DAY.plus(Duration.ofDays(7)), null);
    }

    /** A signing certificate from the example CA with one extra extension, critical and unknown. */
    static X509Certificate certificateWithUnknownCriticalExtension() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        var builder = new JcaX509v3CertificateBuilder(CA.certificate(), BigInteger.valueOf(77),
                Date.from(TestClocks.CASE_DAY.minus(Duration.ofDays(30))),
                Date.from(TestClocks.CASE_DAY.plus(Duration.ofDays(365))),
                new X500Principal("CN=Unknown critical extension, O=Safegate Example (INSECURE), C=US"),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(UNKNOWN_EXTENSION, true, new DERUTF8String("must be understood"));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(CA.privateKey())));
    }

    private static X509CRL crl(PrivateKey signer, Instant thisUpdate, Instant nextUpdate,
                               ASN1ObjectIdentifier criticalExtension, X509Certificate... revoked) {
        try {
            var builder = new JcaX509v2CRLBuilder(CA.certificate().getSubjectX500Principal(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(thisUpdate.getEpochSecond()));
            if (criticalExtension != null) {
                builder.addExtension(criticalExtension, true, new DERUTF8String("must be understood"));
            }
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test CRL", e);
        }
    }
}
