package org.safegate.audit;

import java.util.Objects;
import java.util.regex.Pattern;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

/**
 * Where the audit key that signs checkpoints lives ({@code safegate.audit.signer}): in the
 * configured key store ({@code key-store}, the default) or in Vault's Transit engine
 * ({@code vault-transit:KEY}, mounted at {@code safegate.audit.transit-mount}, default
 * {@code transit}), so the key never leaves Vault. Either way the key store's {@code audit.crt}
 * is the certificate checkpoints verify with.
 */
public sealed interface CheckpointSigning {
    String SETTING = "safegate.audit.signer";
    String MOUNT_SETTING = "safegate.audit.transit-mount";

    /** The key pair {@code gateway/audit.key} and {@code audit.crt} of the key store. */
    record KeyStore() implements CheckpointSigning {
    }

    /** The Transit key {@code key} of the engine mounted at {@code mount}. */
    record VaultTransit(String mount, String key) implements CheckpointSigning {
        // names end up in a URL path: nothing that could step out of it ("..", "?", "%")
        private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
        private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*");

        public VaultTransit {
            Objects.requireNonNull(mount, "mount");
            Objects.requireNonNull(key, "key");
            if (!KEY.matcher(key).matches() || key.contains("..")) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, SETTING + " is 'vault-transit:" + key
                        + "': the Transit key name must be 1 to 128 letters, digits, '.', '_' or '-'");
            }
            if (!MOUNT.matcher(mount).matches()) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, MOUNT_SETTING + " is '" + mount
                        + "': a mount path is letters, digits, '_' or '-', in segments separated by '/'");
            }
        }
    }

    /** The setting, checked: anything else is refused at start, never taken for the default. */
    static CheckpointSigning from(Settings settings) {
        String value = settings.get(SETTING).map(String::strip).orElse("key-store");
        if (value.equals("key-store")) {
            return new KeyStore();
        }
        if (value.startsWith("vault-transit:")) {
            String mount = settings.get(MOUNT_SETTING).map(String::strip).orElse("transit");
            return new VaultTransit(mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount,
                    value.substring("vault-transit:".length()));
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, SETTING + " is '" + value
                + "'; use key-store (the audit key of safegate.keys) or vault-transit:KEY (a Vault Transit key)");
    }
}
