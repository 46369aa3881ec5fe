package org.safegate.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Reads and writes keys, certificates and CRLs in the formats {@code openssl} produces: PEM
 * certificates, PEM PKCS#8 private keys (also PKCS#1 "RSA PRIVATE KEY" and encrypted PKCS#8),
 * PEM or DER CRLs. Errors name the file, never its content.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /** The single certificate in a PEM (or DER) file. */
    public static X509Certificate readCertificate(Path file) {
        List<X509Certificate> all = readCertificates(file);
        if (all.size() != 1) {
            throw invalid(file.toString(), "expected exactly one certificate, found " + all.size(), null);
        }
        return all.get(0);
    }

    /** Every certificate in a PEM (or DER) file. */
    public static List<X509Certificate> readCertificates(Path file) {
        return parseCertificates(read(file), file.toString());
    }

    /** Every certificate in PEM (or DER) bytes; {@code source} names them in errors. */
    public static List<X509Certificate> parseCertificates(byte[] bytes, String source) {
        try {
            List<X509Certificate> result = new ArrayList<>();
            for (var c : certificateFactory().generateCertificates(new ByteArrayInputStream(bytes))) {
                result.add((X509Certificate) c);
            }
            return result;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw invalid(source, "not a readable X.509 certificate", e);
        }
    }

    /** A CRL in PEM or DER form. */
    public static X509CRL readCrl(Path file) {
        return parseCrl(read(file), file.toString());
    }

    /** A CRL from PEM or DER bytes; {@code source} names it in errors. */
    public static X509CRL parseCrl(byte[] bytes, String source) {
        try {
            return (X509CRL) certificateFactory().generateCRL(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw invalid(source, "not a readable CRL", e);
        }
    }

    /** An unencrypted private key (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY"). */
    public static PrivateKey readPrivateKey(Path file) {
        return readPrivateKey(file, null);
    }

    /**
     * A private key; an "ENCRYPTED PRIVATE KEY" (PKCS#8) needs {@code password}, which is not
     * kept. Unencrypted keys ignore it.
     */
    public static PrivateKey readPrivateKey(Path file, char[] password) {
        return parsePrivateKey(read(file), file.toString(), password);
    }

    /** A private key from PEM bytes; {@code source} names it in errors (never its content). */
    public static PrivateKey parsePrivateKey(byte[] pem, String source, char[] password) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw invalid(source, "not a PEM private key", e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo info) {
                return jdkKey(converter.getPrivateKey(info));
            }
            if (parsed instanceof PEMKeyPair pair) {
                return jdkKey(converter.getPrivateKey(pair.getPrivateKeyInfo()));
            }
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                if (password == null) {
                    throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                            "private key " + source + " is encrypted and no password was supplied");
                }
                var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(new BouncyCastleProvider()).build(password);
                return jdkKey(converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor)));
            }
        } catch (SafegateException e) {
            throw e;
        } catch (PKCSException | OperatorCreationException | IOException | GeneralSecurityException
                 | RuntimeException e) {
            throw invalid(source, "private key cannot be decoded (wrong password or damaged file)", e);
        }
        throw invalid(source, "no PEM private key found", null);
    }

    /**
     * The key as the JDK's own EC key. Once the Bouncy Castle provider is installed (MINA SSHD
     * installs it when it starts), the converter returns EC keys as Bouncy Castle "ECDSA" keys,
     * which no longer match their certificate's "EC" public key or pick the EC signature algorithm.
     */
    private static PrivateKey jdkKey(PrivateKey key) throws GeneralSecurityException {
        if (!"ECDSA".equals(key.getAlgorithm())) {
            return key;
        }
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    /** A private key file and the certificate it belongs to; refused if they do not match. */
    public static Identity readIdentity(Path keyFile, Path certificateFile) {
        return readIdentity(keyFile, certificateFile, null);
    }

    /** Like {@link #readIdentity(Path, Path)}, for a key that may be encrypted with {@code password}. */
    public static Identity readIdentity(Path keyFile, Path certificateFile, char[] password) {
        X509Certificate certificate = readCertificate(certificateFile);
        return KeyPairs.matched(readPrivateKey(keyFile, password), certificate, keyFile.toString());
    }

    /** Pairs a key with its certificate; refused (naming {@code keySource}) if they do not match. */
    public static Identity matchedIdentity(PrivateKey key, X509Certificate certificate, String keySource) {
        return KeyPairs.matched(key, certificate, keySource);
    }

    /** Writes a certificate as PEM. */
    public static void writeCertificate(Path file, X509Certificate certificate) {
        try {
            write(file, "CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot encode certificate for " + file, e);
        }
    }

    /** Writes a private key as unencrypted PEM PKCS#8: only for the insecure example store. */
    public static void writeUnencryptedPrivateKey(Path file, PrivateKey key) {
        write(file, "PRIVATE KEY", key.getEncoded());
    }

    /** Writes a CRL as PEM. */
    public static void writeCrl(Path file, X509CRL crl) {
        try {
            write(file, "X509 CRL", crl.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot encode CRL for " + file, e);
        }
    }

    private static void write(Path file, String type, byte[] der) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                 PemWriter pem = new PemWriter(out)) {
                pem.writeObject(new PemObject(type, der));
            }
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "file not found: " + file, e);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "cannot read " + file, e);
        }
    }

    private static CertificateFactory certificateFactory() throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509");
    }

    private static SafegateException invalid(String source, String what, Throwable cause) {
        return new SafegateException(ErrorCode.KEY_INVALID, source + ": " + what, cause);
    }
}
