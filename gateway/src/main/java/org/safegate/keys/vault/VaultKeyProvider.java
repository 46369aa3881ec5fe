package org.safegate.keys.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.PemFiles;
import org.safegate.keys.TrustMaterial;

/**
 * Keys and certificates from Vault's KV v2 engine, in the same layout as the file key store: the
 * folder becomes a secret and each file a field of it. With {@code safegate.keys=vault:secret/safegate}:
 * <pre>
 *   secret/safegate/ca                 fields *.crt (trust anchors) and *.crl (PEM CRLs)
 *   secret/safegate/gateway            fields sign.key, sign.crt, audit.key, audit.crt
 *   secret/safegate/agencies/&lt;ID&gt;     fields encrypt.key, encrypt.crt, sign.key, sign.crt
 * </pre>
 * Certificates named in policies as {@code vault:<path>#<field>} are read from that field; other
 * references are files relative to the working directory. Nothing is cached: a key rotated in
 * Vault is used from the next read. A Vault token Vault no longer accepts, and that a new login
 * cannot replace, stops the gateway from sealing: every file waiting for a key is held.
 */
public final class VaultKeyProvider implements KeyProvider {
    private final VaultSecrets vault;
    private final String base;
    private final Path workingDir;

    public VaultKeyProvider(VaultSecrets vault, String basePath, Path workingDir) {
        this.vault = vault;
        this.base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.workingDir = workingDir;
    }

    @Override
    public TrustMaterial trust() {
        String path = base + "/ca";
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (Map.Entry<String, String> field : new TreeMap<>(vault.read(path)).entrySet()) {
            String source = "vault:" + path + "#" + field.getKey();
            byte[] pem = field.getValue().getBytes(StandardCharsets.US_ASCII);
            if (field.getKey().endsWith(".crt")) {
                anchors.addAll(PemFiles.parseCertificates(pem, source));
            } else if (field.getKey().endsWith(".crl")) {
                crls.add(PemFiles.parseCrl(pem, source));
            }
        }
        if (anchors.isEmpty()) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "Vault secret " + path + " holds no *.crt trust anchor");
        }
        return new TrustMaterial(anchors, crls);
    }

    @Override
    public Identity gatewaySigning() {
        return identity(base + "/gateway", "sign");
    }

    @Override
    public Identity auditSigning() {
        return identity(base + "/gateway", "audit");
    }

    @Override
    public X509Certificate auditCertificate() {
        return certificate("vault:" + base + "/gateway#audit.crt");
    }

    @Override
    public Identity agencyEncryption(String agencyId) {
        return identity(agencyPath(agencyId), "encrypt");
    }

    @Override
    public Identity agencySigning(String agencyId) {
        return identity(agencyPath(agencyId), "sign");
    }

    @Override
    public X509Certificate certificate(String reference) {
        if (!reference.startsWith("vault:")) {
            return PemFiles.readCertificate(workingDir.resolve(reference));
        }
        int hash = reference.indexOf('#');
        if (hash < 0) {
            throw new SafegateException(ErrorCode.KEY_INVALID, "certificate reference " + reference
                    + " needs a field: vault:<path>#<field>");
        }
        String path = reference.substring("vault:".length(), hash);
        List<X509Certificate> certificates = PemFiles.parseCertificates(
                vault.field(path, reference.substring(hash + 1)).getBytes(StandardCharsets.US_ASCII), reference);
        if (certificates.size() != 1) {
            throw new SafegateException(ErrorCode.KEY_INVALID, reference + ": expected exactly one certificate");
        }
        return certificates.get(0);
    }

    /**
     * A login secret: {@code vault:<path>#<field>} (without a field, the field {@code credentials});
     * any other reference is a file relative to the working directory.
     */
    @Override
    public byte[] secret(String reference) {
        if (!reference.startsWith("vault:")) {
            return KeyProvider.super.secret(workingDir.resolve(reference).toString());
        }
        int hash = reference.indexOf('#');
        String path = reference.substring("vault:".length(), hash < 0 ? reference.length() : hash);
        String field = hash < 0 ? "credentials" : reference.substring(hash + 1);
        return vault.field(path, field).getBytes(StandardCharsets.UTF_8);
    }

    private Identity identity(String path, String name) {
        Map<String, String> fields = vault.read(path);
        String key = fields.get(name + ".key");
        String certificate = fields.get(name + ".crt");
        if (key == null || certificate == null) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "Vault secret " + path + " needs fields "
                    + name + ".key and " + name + ".crt");
        }
        String source = "vault:" + path + "#" + name;
        List<X509Certificate> chain = PemFiles.parseCertificates(certificate.getBytes(StandardCharsets.US_ASCII),
                source + ".crt");
        PrivateKey privateKey = PemFiles.parsePrivateKey(key.getBytes(StandardCharsets.US_ASCII), source + ".key", null);
        return PemFiles.matchedIdentity(privateKey, chain.get(0), source + ".key");
    }

    private String agencyPath(String agencyId) {
        if (!agencyId.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "'" + agencyId + "' is not an agency id");
        }
        return base + "/agencies/" + agencyId;
    }
}
