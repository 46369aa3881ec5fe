package org.safegate.policy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Writes self-signed PEM certificates with chosen validity dates, for certificate rule tests. */
final class TestCertificates {
    private TestCertificates() {
    }

    static Path write(Path file, String subject, LocalDate notBefore, LocalDate notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(notBefore.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Date.from(notAfter.atTime(23, 59, 59).toInstant(ZoneOffset.UTC)), name, keys.getPublic());
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(holder);
            }
            Files.createDirectories(file.getParent());
            return Files.writeString(file, pem.toString());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
