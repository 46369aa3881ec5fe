package org.safegate.keys.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.time.Clock;
import java.util.Map;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Reads secrets from Vault's KV version 2 engine through the HashiCorp Vault Java driver. Every
 * failure (unreachable, sealed, 403, 404) is a {@link ErrorCode#KEY_UNAVAILABLE} that names the
 * path and the status, and never the token; only 404 is {@link ErrorCode#KEY_NOT_FOUND}.
 *
 * <p>The token is renewed or replaced before its lease runs out, and a 403 is handled as
 * {@link VaultSession#send} describes.
 */
public final class VaultSecrets {
    private final VaultConnection connection;
    private final VaultSession session;

    /** A client on the system clock, which is what Vault measures leases by. */
    public VaultSecrets(VaultSettings settings, Map<String, String> environment) {
        this(settings, environment, Clock.systemUTC());
    }

    public VaultSecrets(VaultSettings settings, Map<String, String> environment, Clock clock) {
        this.connection = new VaultConnection(settings);
        this.session = new VaultSession(settings.auth(), environment, connection, clock);
    }

    /**
     * The fields of the secret at {@code path} (e.g. {@code secret/safegate/gateway}: the mount
     * first, as the Vault CLI writes it).
     */
    public Map<String, String> read(String path) {
        try {
            LogicalResponse response = session.send(path, token -> connection.kv(token).logical().read(path));
            int status = response.getRestResponse().getStatus();
            if (status != 200) {
                // only "no such secret" is an answer; anything else (sealed, refused, failing) may pass
                throw new SafegateException(status == 404 ? ErrorCode.KEY_NOT_FOUND : ErrorCode.KEY_UNAVAILABLE,
                        "Vault answered " + status + " " + meaning(status) + " for " + path);
            }
            return Map.copyOf(response.getData());
        } catch (VaultException e) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "cannot read " + path + " in Vault"
                    + VaultSession.status(e) + ": " + e.getMessage(), e);
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

    private static String meaning(int status) {
        return switch (status) {
            case 400 -> "(bad request)";
            case 403 -> "(permission denied)";
            case 404 -> "(no such secret)";
            case 503 -> "(Vault is sealed or unavailable)";
            default -> "";
        };
    }
}
