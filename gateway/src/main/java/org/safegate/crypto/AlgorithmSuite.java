package org.safegate.crypto;

import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Set;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;

/**
 * The one place that says which algorithms Safegate produces and which it accepts.
 *
 * <p>Produces: CMS SignedData with SHA-256 and RSA PKCS#1 v1.5 (or ECDSA for EC keys), inside CMS
 * AuthEnvelopedData with AES-256-GCM, the content key transported with RSA-OAEP (SHA-256, MGF1
 * SHA-256). Accepts on opening: digests SHA-256/384/512; RSA PKCS#1 v1.5, RSA-PSS and ECDSA
 * signatures with those digests; AES-256-GCM content; RSA-OAEP key transport (with SHA-1 or SHA-2
 * in OAEP, as {@code openssl cms -keyopt rsa_padding_mode:oaep} defaults to SHA-1 there, which
 * is not a weakness of OAEP). Everything else (SHA-1 or MD5 digests, CBC content, RSA PKCS#1 v1.5
 * key transport) is refused.
 */
public final class AlgorithmSuite {
    /** The suite every Safegate file is sealed with. */
    public static final AlgorithmSuite DEFAULT = new AlgorithmSuite();

    /** Minimum RSA modulus size in bits, for any key Safegate uses or accepts. */
    public static final int MIN_RSA_BITS = 2048;
    /** Minimum EC field size in bits. */
    public static final int MIN_EC_BITS = 256;

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.id_ecPublicKey,
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private AlgorithmSuite() {
    }

    /** A one-line description, for logs and {@code --help}. */
    public String description() {
        return "SignedData(SHA-256, RSA/ECDSA) in AuthEnvelopedData(AES-256-GCM, RSA-OAEP-SHA256)";
    }

    @Override
    public String toString() {
        return description();
    }

    String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    ASN1ObjectIdentifier contentEncryption() {
        return CMSAlgorithm.AES256_GCM;
    }

    OAEPParameterSpec keyTransport() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    boolean acceptsDigest(ASN1ObjectIdentifier oid) {
        return DIGESTS.contains(oid);
    }

    boolean acceptsSignature(ASN1ObjectIdentifier oid) {
        return SIGNATURES.contains(oid);
    }

    /**
     * Like {@link #acceptsSignature(ASN1ObjectIdentifier)}, and RSA-PSS must also hash and mask
     * with an accepted digest: its parameters name their own hash, which signs the signed attributes
     * whatever the content digest is.
     */
    boolean acceptsSignature(AlgorithmIdentifier algorithm) {
        if (!acceptsSignature(algorithm.getAlgorithm())) {
            return false;
        }
        if (!PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
            return true;
        }
        if (algorithm.getParameters() == null) {
            return false;
        }
        try {
            // absent fields default to SHA-1, which is refused like a named SHA-1
            RSASSAPSSparams pss = RSASSAPSSparams.getInstance(algorithm.getParameters());
            AlgorithmIdentifier mgf = pss.getMaskGenAlgorithm();
            return acceptsDigest(pss.getHashAlgorithm().getAlgorithm())
                    && PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm()) && mgf.getParameters() != null
                    && acceptsDigest(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean acceptsContentEncryption(AlgorithmIdentifier algorithm) {
        if (!CMSAlgorithm.AES256_GCM.equals(algorithm.getAlgorithm()) || algorithm.getParameters() == null) {
            return false;
        }
        try {
            GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
            return parameters.getNonce().length == 12 && parameters.getIcvLen() == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean acceptsKeyTransport(ASN1ObjectIdentifier oid) {
        return PKCSObjectIdentifiers.id_RSAES_OAEP.equals(oid);
    }
}
