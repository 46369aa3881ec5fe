package org.safegate.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Keys and certificates in a directory, in this layout (a contract, other tools rely on it):
 * <pre>
 * DIR/ca/*.crt                       PEM trust anchors
 * DIR/ca/*.crl                       CRLs (PEM or DER)
 * DIR/gateway/sign.key, sign.crt     the gateway's signing identity
 * DIR/gateway/audit.key, audit.crt   the audit checkpoint signing identity
 * DIR/agencies/ID/encrypt.key, .crt  an agency's encryption identity (tests and demo only)
 * DIR/agencies/ID/sign.key, .crt     an agency's signing identity (tests and demo only)
 * </pre>
 * Private keys are PEM PKCS#8; an encrypted key gets its password from the password source
 * (by default the environment variable {@value #PASSWORD_VARIABLE}). Files made by plain
 * {@code openssl req} / {@code openssl genpkey} work as they are.
 *
 * <p>A directory marked as the insecure example ({@value #INSECURE_MARKER}) is refused here; only
 * {@link InsecureExampleKeyStore} reads it. Material is checked on every call (and parsed again
 * when its file changed), so replaced files and new CRLs take effect without a restart.
 */
public final class FileKeyStore implements KeyProvider {
    /** The environment variable holding the password of encrypted private keys. */
    public static final String PASSWORD_VARIABLE = "SAFEGATE_KEY_PASSWORD";
    /** The file that marks a directory as insecure example material. */
    public static final String INSECURE_MARKER = "INSECURE-EXAMPLE-KEYS";

    private static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path dir;
    private final Function<Path, char[]> passwords;
    private final FileStampCache parsed = new FileStampCache();
    /** Trust anchors and CRLs apart, as the gateway reads them for every certificate check. */
    private final FileStampCache trustFiles = new FileStampCache();

    /** A store reading encrypted keys' password from {@value #PASSWORD_VARIABLE}. */
    public FileKeyStore(Path dir) {
        this(dir, key -> {
            String value = System.getenv(PASSWORD_VARIABLE);
            return value == null ? null : value.toCharArray();
        });
    }

    /** A store with its own password source (given the key file, returns its password or null). */
    public FileKeyStore(Path dir, Function<Path, char[]> passwords) {
        this(dir, passwords, false);
    }

    FileKeyStore(Path dir, Function<Path, char[]> passwords, boolean insecureExampleAllowed) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        if (!Files.isDirectory(dir)) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "key store directory not found: " + dir);
        }
        if (!insecureExampleAllowed && isInsecureExample(dir)) {
            throw new SafegateException(ErrorCode.KEY_INVALID, dir + " holds the INSECURE example keys;"
                    + " they are only loaded through InsecureExampleKeyStore");
        }
    }

    /** Whether {@code dir} is marked as the insecure example key set. */
    public static boolean isInsecureExample(Path dir) {
        return Files.exists(dir.resolve(INSECURE_MARKER));
    }

    public Path directory() {
        return dir;
    }

    @Override
    public TrustMaterial trust() {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : list(dir.resolve("ca"))) {
            String name = file.getFileName().toString();
            if (name.endsWith(".crt")) {
                anchors.addAll(trustFiles.get(List.of(file), () -> PemFiles.readCertificates(file)));
            } else if (name.endsWith(".crl")) {
                crls.add(trustFiles.get(List.of(file), () -> PemFiles.readCrl(file)));
            }
        }
        if (anchors.isEmpty()) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "no trust anchor (*.crt) in " + dir.resolve("ca"));
        }
        return new TrustMaterial(anchors, crls);
    }

    @Override
    public Identity gatewaySigning() {
        return identity(dir.resolve("gateway"), "sign");
    }

    @Override
    public Identity auditSigning() {
        return identity(dir.resolve("gateway"), "audit");
    }

    @Override
    public X509Certificate auditCertificate() {
        return certificate(dir.resolve("gateway").resolve("audit.crt").toString());
    }

    @Override
    public Identity agencyEncryption(String agencyId) {
        return identity(agencyDir(agencyId), "encrypt");
    }

    @Override
    public Identity agencySigning(String agencyId) {
        return identity(agencyDir(agencyId), "sign");
    }

    @Override
    public X509Certificate certificate(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.startsWith("vault:")) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                    "certificate reference " + reference + " needs a Vault key provider, this one reads files");
        }
        Path file = Path.of(reference);
        return parsed.get(List.of(file), () -> PemFiles.readCertificate(file));
    }

    private Path agencyDir(String agencyId) {
        if (agencyId == null || !AGENCY_ID.matcher(agencyId).matches()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "not an agency id: " + agencyId);
        }
        return dir.resolve("agencies").resolve(agencyId);
    }

    private Identity identity(Path folder, String name) {
        Path keyFile = folder.resolve(name + ".key");
        Path certFile = folder.resolve(name + ".crt");
        if (!Files.isRegularFile(keyFile) || !Files.isRegularFile(certFile)) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                    "key pair not found: " + keyFile + " and " + certFile);
        }
        return parsed.get(List.of(keyFile, certFile), () -> {
            X509Certificate certificate = PemFiles.readCertificate(certFile);
            PrivateKey key = PemFiles.readPrivateKey(keyFile, passwords.apply(keyFile));
            return KeyPairs.matched(key, certificate, keyFile.toString());
        });
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "cannot list " + folder, e);
        }
    }
}
