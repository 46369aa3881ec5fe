package org.safegate.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * A small certificate authority for example and test material: issues CA and end-entity
 * certificates and CRLs. Not a production CA (no policy, no audit, keys in memory).
 */
final class CertificateIssuer {
    /** What an end-entity certificate is for; decides its key usage. */
    enum Usage {
        ENCRYPT(KeyUsage.keyEncipherment),
        SIGN(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);

        final int bits;

        Usage(int bits) {
            this.bits = bits;
        }
    }

    private final SecureRandom random = new SecureRandom();

    KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw failure("cannot generate an RSA key pair", e);
        }
    }

    /** A self-signed CA certificate. */
    X509Certificate selfSignedCa(X500Principal subject, KeyPair keys, Instant from, Instant to) {
        try {
            var builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(from), Date.from(to),
                    subject, keys.getPublic());
            var ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys, "SHA256withRSA");
        } catch (CertIOException | GeneralSecurityException e) {
            throw failure("cannot build CA certificate", e);
        }
    }

    /** An end-entity certificate for {@code publicKey}, issued by {@code ca}. */
    X509Certificate endEntity(Identity ca, X500Principal subject, PublicKey publicKey, Usage usage,
                              Instant from, Instant to, String signatureAlgorithm) {
        try {
            var builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(), Date.from(from), Date.from(to),
                    subject, publicKey);
            var ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage.bits));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(ca.certificate()));
            return sign(builder, new KeyPair(ca.certificate().getPublicKey(), ca.privateKey()), signatureAlgorithm);
        } catch (CertIOException | GeneralSecurityException e) {
            throw failure("cannot build certificate for " + subject.getName(), e);
        }
    }

    /** A CRL from {@code ca} revoking {@code revoked}. */
    X509CRL crl(Identity ca, List<X509Certificate> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw failure("cannot build CRL", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer, String algorithm)
            throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(algorithm).build(issuer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw failure("cannot sign certificate with " + algorithm, e);
        }
    }

    private BigInteger serial() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    private static SafegateException failure(String message, Exception cause) {
        return new SafegateException(ErrorCode.CRYPTO_FAILURE, message, cause);
    }
}
