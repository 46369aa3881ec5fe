package org.safegate.keys.vault;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away CA and a server certificate for 127.0.0.1, made in the test. */
final class TestTls {
    final X509Certificate caCertificate;
    final SSLContext serverContext;

    TestTls() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair ca = generator.generateKeyPair();
        KeyPair server = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Test Vault CA");
        Date from = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
        Date until = Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate());
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        caCertificate = converter.getCertificate(new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, until,
                caName, ca.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .build(signer));
        X509Certificate serverCertificate = converter.getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.TWO, from, until, new X500Name("CN=127.0.0.1"), server.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                .build(signer));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "test-only".toCharArray();
        store.setKeyEntry("server", server.getPrivate(), password,
                new X509Certificate[] {serverCertificate, caCertificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
    }

    Path writeCaPem(Path file) throws Exception {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(caCertificate);
        }
        return Files.writeString(file, pem.toString());
    }
}
