package org.safegate.keys;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** Checks that a private key belongs to a certificate before it is used. */
final class KeyPairs {
    private static final byte[] PROBE = "safegate key pair probe".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    static Identity matched(PrivateKey key, X509Certificate certificate, String keySource) {
        if (!matches(key, certificate)) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "private key " + keySource
                    + " does not belong to certificate " + certificate.getSubjectX500Principal().getName());
        }
        return new Identity(key, certificate);
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        if (key instanceof RSAPrivateCrtKey rsa && certificate.getPublicKey() instanceof RSAPublicKey pub) {
            return rsa.getModulus().equals(pub.getModulus()) && rsa.getPublicExponent().equals(pub.getPublicExponent());
        }
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
