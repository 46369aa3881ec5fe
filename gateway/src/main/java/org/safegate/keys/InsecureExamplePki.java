package org.safegate.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.CertificateIssuer.Usage;

/**
 * Generates the INSECURE example PKI in the {@link FileKeyStore} layout, plus negative-test
 * material under {@code negative/}: expired, not-yet-valid, revoked (listed in {@code ca/ca.crl}),
 * untrusted (issued by {@code negative/untrusted-ca}), weak-key (RSA 1024) and sha1-signed
 * certificates. Private keys are written unencrypted; the directory is marked so that
 * {@link FileKeyStore} refuses it.
 */
public final class InsecureExamplePki {
    /** The agencies of the example policies. */
    public static final List<String> AGENCIES = List.of("IRS", "DOJ", "ICE");
    /** The folder with the negative-test material. */
    public static final String NEGATIVE = "negative";

    private static final Duration YEAR = Duration.ofDays(365);
    private static final String ORG = ", O=Safegate Example (INSECURE), C=US";

    private final CertificateIssuer issuer = new CertificateIssuer();
    private final Clock clock;

    public InsecureExamplePki(Clock clock) {
        this.clock = clock;
    }

    /** Writes the whole example set into {@code dir}, which must not exist or be empty. */
    public void generate(Path dir) {
        requireEmpty(dir);
        Instant now = clock.instant();
        // valid from three years back, so that the demo and tests can evaluate past days of the case
        Instant from = now.minus(YEAR.multipliedBy(3));
        Instant to = now.plus(YEAR.multipliedBy(10));

        KeyPair caKeys = issuer.rsaKeyPair(3072);
        X509Certificate caCert = issuer.selfSignedCa(name("Safegate Example Root CA"), caKeys, from, now.plus(YEAR.multipliedBy(20)));
        Identity ca = new Identity(caKeys.getPrivate(), caCert);
        write(dir.resolve("ca"), "ca", ca);

        write(dir.resolve("gateway"), "sign", leaf(ca, "Safegate Gateway signing", Usage.SIGN, from, to, 2048));
        write(dir.resolve("gateway"), "audit", leaf(ca, "Safegate Gateway audit checkpoints", Usage.SIGN, from, to, 2048));
        for (String agency : AGENCIES) {
            Path folder = dir.resolve("agencies").resolve(agency);
            write(folder, "encrypt", leaf(ca, agency + " encryption", Usage.ENCRYPT, from, to, 2048));
            write(folder, "sign", leaf(ca, agency + " signing", Usage.SIGN, from, to, 2048));
        }

        Path negative = dir.resolve(NEGATIVE);
        List<X509Certificate> revoked = new ArrayList<>();
        for (Usage usage : Usage.values()) {
            String role = role(usage);
            write(negative.resolve("expired"), role,
                    leaf(ca, "Expired " + role, usage, now.minus(YEAR.multipliedBy(2)), now.minus(YEAR), 2048));
            Identity revokedIdentity = leaf(ca, "Revoked " + role, usage, from, to, 2048);
            revoked.add(revokedIdentity.certificate());
            write(negative.resolve("revoked"), role, revokedIdentity);
        }
        write(negative.resolve("not-yet-valid"), "sign",
                leaf(ca, "Not yet valid signing", Usage.SIGN, now.plus(YEAR), now.plus(YEAR.multipliedBy(2)), 2048));
        write(negative.resolve("weak-key"), "sign", leaf(ca, "Weak key signing", Usage.SIGN, from, to, 1024));
        KeyPair sha1Keys = issuer.rsaKeyPair(2048);
        write(negative.resolve("sha1-signed"), "sign", new Identity(sha1Keys.getPrivate(), issuer.endEntity(ca,
                name("SHA-1 signed signing"), sha1Keys.getPublic(), Usage.SIGN, from, to, "SHA1withRSA")));

        KeyPair otherKeys = issuer.rsaKeyPair(2048);
        Identity otherCa = new Identity(otherKeys.getPrivate(),
                issuer.selfSignedCa(name("Untrusted Example CA"), otherKeys, from, to));
        write(negative.resolve("untrusted-ca"), "ca", otherCa);
        for (Usage usage : Usage.values()) {
            write(negative.resolve("untrusted"), role(usage),
                    leaf(otherCa, "Untrusted " + role(usage), usage, from, to, 2048));
        }

        PemFiles.writeCrl(dir.resolve("ca").resolve("ca.crl"), issuer.crl(ca, revoked, now, to));
        writeText(dir.resolve(FileKeyStore.INSECURE_MARKER),
                "INSECURE example keys: the private keys here are public. Demos and tests only.\n");
    }

    private Identity leaf(Identity ca, String commonName, Usage usage, Instant from, Instant to, int bits) {
        KeyPair keys = issuer.rsaKeyPair(bits);
        X509Certificate certificate = issuer.endEntity(ca, name(commonName), keys.getPublic(), usage, from, to,
                "SHA256withRSA");
        return new Identity(keys.getPrivate(), certificate);
    }

    private static String role(Usage usage) {
        return usage == Usage.ENCRYPT ? "encrypt" : "sign";
    }

    private static X500Principal name(String commonName) {
        return new X500Principal("CN=" + commonName + ORG);
    }

    private static void write(Path folder, String name, Identity identity) {
        PemFiles.writeCertificate(folder.resolve(name + ".crt"), identity.certificate());
        PemFiles.writeUnencryptedPrivateKey(folder.resolve(name + ".key"), identity.privateKey());
    }

    private static void requireEmpty(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, dir + " is not empty");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot create " + dir, e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "cannot write " + file, e);
        }
    }
}
