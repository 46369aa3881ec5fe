package org.safegate.policy.model;

import java.util.Objects;

/**
 * A pointer to key material or a secret: either a file path (relative to the directory the
 * gateway runs in) or a Vault location written {@code vault:<path>#<field>}. Policies hold only
 * references, never secret values.
 */
public record Reference(String value) {
    private static final String VAULT_PREFIX = "vault:";

    public Reference {
        Objects.requireNonNull(value, "value");
    }

    public boolean isVault() {
        return value.startsWith(VAULT_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
