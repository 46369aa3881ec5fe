package org.safegate.keys.vault;

import java.util.Map;
import java.util.Objects;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** How the gateway logs in to Vault. Secrets are {@code env:NAME} references, resolved only at login. */
public sealed interface VaultAuth {

    /** A token from the environment. */
    record Token(String tokenRef) implements VaultAuth {
        public Token {
            requireReference(tokenRef, "safegate.vault.token");
        }
    }

    /** AppRole login: a role id (not secret) and a secret id from the environment. */
    record AppRole(String mount, String roleId, String secretIdRef) implements VaultAuth {
        public AppRole {
            Objects.requireNonNull(mount, "mount");
            Objects.requireNonNull(roleId, "roleId");
            requireReference(secretIdRef, "safegate.vault.approle.secret-id");
        }
    }

    /** The secret a reference names; the error names the variable, never a value. */
    static String resolve(String reference, Map<String, String> environment) {
        String name = reference.substring("env:".length());
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                    "environment variable " + name + " (for Vault login) is not set");
        }
        return value;
    }

    private static void requireReference(String reference, String key) {
        if (reference == null || !reference.startsWith("env:")) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                    key + " must be a reference such as env:VAULT_TOKEN, never the secret itself");
        }
    }
}
