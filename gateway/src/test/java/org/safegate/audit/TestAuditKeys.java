package org.safegate.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.safegate.testing.TestClocks;

/** An audit key and self-signed certificate made in the test, RSA or EC. */
public record TestAuditKeys(PrivateKey key, X509Certificate certificate) {

    public static TestAuditKeys ec() {
        return generate("EC", 256, "SHA256withECDSA");
    }

    public static TestAuditKeys rsa() {
        return generate("RSA", 2048, "SHA256withRSA");
    }

    public CheckpointSigner signer() {
        return new JcaCheckpointSigner(key, certificate);
    }

    /** Signs checkpoints as notes of the default log origin. */
    public TreeHeadSigner treeSigner() {
        return new TreeHeadSigner(signer(), certificate, AuditSettings.DEFAULT_ORIGIN);
    }

    public CheckpointVerifier verifier() {
        return new CertificateCheckpointVerifier(certificate);
    }

    /** Writes {@code DIR/gateway/audit.key} (PKCS#8 PEM) and {@code audit.crt}, the file key store layout. */
    public Path writeTo(Path keysDir) {
        try {
            Path gateway = Files.createDirectories(keysDir.resolve("gateway"));
            StringWriter keyPem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(keyPem)) {
                writer.writeObject(new JcaPKCS8Generator(key, null));
            }
            Files.writeString(gateway.resolve("audit.key"), keyPem.toString());
            StringWriter certPem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(certPem)) {
                writer.writeObject(certificate);
            }
            Files.writeString(gateway.resolve("audit.crt"), certPem.toString());
            return keysDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestAuditKeys generate(String algorithm, int size, String signatureAlgorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Safegate test audit");
            Instant now = TestClocks.CASE_DAY;
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                    pair.getPublic()).build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate()));
            return new TestAuditKeys(pair.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make test audit keys", e);
        }
    }
}
