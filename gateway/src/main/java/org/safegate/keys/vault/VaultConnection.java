package org.safegate.keys.vault;

import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;

/** Driver clients for the configured Vault: address, namespace, CA and timeouts, and nothing implicit. */
final class VaultConnection {
    private final VaultSettings settings;

    VaultConnection(VaultSettings settings) {
        this.settings = settings;
    }

    /** A client for the KV version 2 engine, sending {@code token}. */
    Vault kv(VaultToken token) throws VaultException {
        return client(2, token.value());
    }

    /** A client for the Transit engine (no KV path rewriting), sending {@code token}. */
    Vault transit(VaultToken token) throws VaultException {
        return client(1, token.value());
    }

    /** A client for auth endpoints: sending {@code token}, or none (for a login) when it is null. */
    Vault auth(VaultToken token) throws VaultException {
        return client(1, token == null ? null : token.value());
    }

    private Vault client(int engineVersion, String clientToken) throws VaultException {
        SslConfig ssl = new SslConfig();
        if (settings.caPem().isPresent()) {
            ssl = ssl.pemFile(settings.caPem().get().toFile());
        }
        VaultConfig config = new VaultConfig()
                .environmentLoader(new NoEnvironment())
                .address(settings.address().toString())
                .engineVersion(engineVersion)
                .openTimeout(settings.timeoutSeconds())
                .readTimeout(settings.timeoutSeconds())
                .sslConfig(ssl.build());
        if (clientToken != null) {
            config = config.token(clientToken);
        }
        if (settings.namespace().isPresent()) {
            config = config.nameSpace(settings.namespace().get());
        }
        return Vault.create(config.build());
    }

    /**
     * The driver falls back to VAULT_TOKEN and friends from the process environment for anything
     * not configured; Safegate configures everything explicitly, so it reads nothing implicitly.
     */
    private static final class NoEnvironment extends io.github.jopenlibs.vault.EnvironmentLoader {
        private static final long serialVersionUID = 1L;

        @Override
        public String loadVariable(String name) {
            return null;
        }
    }
}
