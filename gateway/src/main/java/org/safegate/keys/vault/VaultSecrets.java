package org.safegate.keys.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Reads secrets from Vault's KV version 2 engine through the HashiCorp Vault Java driver. Every
 * failure (unreachable, sealed, 403, 404) is a {@link ErrorCode#KEY_UNAVAILABLE} that names the
 * path and the status, and never the token; only 404 is {@link ErrorCode#KEY_NOT_FOUND}.
 *
 * <p>The token is renewed or replaced before its lease runs out (see {@link VaultSession}). A 403
 * on a read is asked about once (auth/token/lookup-self): if Vault no longer accepts the token,
 * the gateway logs in again and reads once more; a second 403, or a 403 for a token Vault still
 * accepts (its policies do not cover the path), is reported, never retried.
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
            VaultToken token = session.current();
            LogicalResponse response = get(path, token);
            if (status(response) == 403) {
                response = afterRefusal(path, token);
            }
            int status = status(response);
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

    /** After a 403 for {@code refused}: the answer of one more read with a new token, or the reason there is none. */
    private LogicalResponse afterRefusal(String path, VaultToken refused) throws VaultException {
        String denied = "Vault answered 403 " + meaning(403) + " for " + path;
        if (session.accepted(refused)) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, denied
                    + ": the token is still valid, so its policies do not allow reading this path");
        }
        Optional<VaultToken> fresh = session.replace(refused);
        if (fresh.isEmpty()) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, denied + ": Vault no longer accepts the token from "
                    + session.source() + " (expired or revoked); give the gateway a valid token");
        }
        LogicalResponse retried = get(path, fresh.get());
        if (status(retried) == 403) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, denied + " also after logging in again at "
                    + session.source());
        }
        return retried;
    }

    private LogicalResponse get(String path, VaultToken token) throws VaultException {
        return connection.kv(token).logical().read(path);
    }

    private static int status(LogicalResponse response) {
        return response.getRestResponse().getStatus();
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
