package org.safegate.keys;

import java.nio.file.Path;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;
import org.safegate.keys.vault.VaultKeyProvider;
import org.safegate.keys.vault.VaultSecrets;
import org.safegate.keys.vault.VaultSettings;

/**
 * Builds the key provider named by the {@code safegate.keys} setting:
 * {@code file:DIR} reads a {@link FileKeyStore}; a directory marked as the insecure example set is
 * read by {@link InsecureExampleKeyStore} instead (callers should warn loudly, see
 * {@link KeyProvider#isInsecure(KeyProvider)}). {@code vault:PATH} is read by the {@link VaultKeyProvider}: it
 * never falls back to files.
 */
public final class KeyProviders {
    private KeyProviders() {
    }

    /**
     * The provider for {@code spec}, with Vault ({@code vault:PATH}) reached as the
     * {@code safegate.vault.*} settings say.
     */
    public static KeyProvider fromSpec(String spec, Path workingDir, Settings settings, Map<String, String> environment) {
        if (spec != null && spec.startsWith("vault:")) {
            VaultSecrets secrets = new VaultSecrets(VaultSettings.from(settings, environment), environment);
            return new VaultKeyProvider(secrets, spec.substring("vault:".length()), workingDir);
        }
        return fromSpec(spec, workingDir);
    }

    /** The provider for a {@code file:} spec; relative directories resolve against {@code workingDir}. */
    public static KeyProvider fromSpec(String spec, Path workingDir) {
        if (spec == null || spec.isBlank()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "safegate.keys is not set");
        }
        if (spec.startsWith("file:")) {
            Path dir = workingDir.resolve(spec.substring("file:".length()));
            return FileKeyStore.isInsecureExample(dir) ? new InsecureExampleKeyStore(dir) : new FileKeyStore(dir);
        }
        if (spec.startsWith("vault:")) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "safegate.keys=" + spec
                    + " needs the Vault settings: use fromSpec(spec, workingDir, settings, environment)");
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                "safegate.keys must start with file: or vault:, found " + spec);
    }
}
