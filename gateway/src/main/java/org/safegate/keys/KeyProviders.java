package org.safegate.keys;

import java.nio.file.Path;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Builds the key provider named by the {@code safegate.keys} setting:
 * {@code file:DIR} reads a {@link FileKeyStore}; a directory marked as the insecure example set is
 * read by {@link InsecureExampleKeyStore} instead (callers should warn loudly, see
 * {@link KeyProvider#isInsecure(KeyProvider)}). {@code vault:PATH} is reserved for the Vault provider,
 * which this build does not include: asking for it fails rather than falling back to files.
 */
public final class KeyProviders {
    private KeyProviders() {
    }

    /** The provider for {@code spec}; relative directories resolve against {@code workingDir}. */
    public static KeyProvider fromSpec(String spec, Path workingDir) {
        if (spec == null || spec.isBlank()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "safegate.keys is not set");
        }
        if (spec.startsWith("file:")) {
            Path dir = workingDir.resolve(spec.substring("file:".length()));
            return FileKeyStore.isInsecureExample(dir) ? new InsecureExampleKeyStore(dir) : new FileKeyStore(dir);
        }
        if (spec.startsWith("vault:")) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                    "safegate.keys=" + spec + " needs the Vault key provider, which is not part of this build");
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                "safegate.keys must start with file: or vault:, found " + spec);
    }
}
