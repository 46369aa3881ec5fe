package org.safegate.keys.vault;

import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Reads secrets from Vault's KV version 2 engine through the HashiCorp Vault Java driver. Every
 * failure (unreachable, sealed, 403, 404) is a {@link ErrorCode#KEY_UNAVAILABLE} that names the
 * path and the status, and never the token.
 */
public final class VaultSecrets {
    private final VaultSettings settings;
    private final Map<String, String> environment;
    private volatile String token;

    public VaultSecrets(VaultSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The fields of the secret at {@code path} (e.g. {@code secret/safegate/gateway}: the mount
     * first, as the Vault CLI writes it).
     */
    public Map<String, String> read(String path) {
        try {
            LogicalResponse response = client(2, login()).logical().read(path);
            int status = response.getRestResponse().getStatus();
            if (status != 200) {
                // only "no such secret" is an answer; anything else (sealed, refused, failing) may pass
                throw new SafegateException(status == 404 ? ErrorCode.KEY_NOT_FOUND : ErrorCode.KEY_UNAVAILABLE,
                        "Vault answered " + status + " " + meaning(status) + " for " + path);
            }
            return Map.copyOf(response.getData());
        } catch (VaultException e) {
            throw unavailable("read " + path, e);
        }
    }

    /** The field of a secret, or a clear error naming both. */
    public String field(String path, String field) {
        String value = read(path).get(field);
        if (value == null) {
            throw new SafegateException(ErrorCode.KEY_NOT_FOUND, "Vault secret " + path + " has no field '" + field + "'");
        }
        return value;
    }

    private String login() throws VaultException {
        String current = token;
        if (current != null) {
            return current;
        }
        if (settings.auth() instanceof VaultAuth.Token t) {
            current = VaultAuth.resolve(t.tokenRef(), environment);
        } else {
            VaultAuth.AppRole role = (VaultAuth.AppRole) settings.auth();
            AuthResponse response = client(1, null).auth()
                    .loginByAppRole(role.mount(), role.roleId(), VaultAuth.resolve(role.secretIdRef(), environment));
            int status = response.getRestResponse().getStatus();
            if (status != 200 || response.getAuthClientToken() == null) {
                throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                        "Vault AppRole login at auth/" + role.mount() + " answered " + status + " " + meaning(status));
            }
            current = response.getAuthClientToken();
        }
        token = current;
        return current;
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

    private static SafegateException unavailable(String what, VaultException e) {
        String status = e.getHttpStatusCode() > 0 ? " (HTTP " + e.getHttpStatusCode() + ")" : "";
        return new SafegateException(ErrorCode.KEY_UNAVAILABLE, "cannot " + what + " in Vault" + status + ": "
                + e.getMessage(), e);
    }

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "(bad request)";
            case 403 -> "(permission denied)";
            case 404 -> "(no such secret)";
            case 503 -> "(Vault is sealed or unavailable)";
            default -> "";
        };
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
