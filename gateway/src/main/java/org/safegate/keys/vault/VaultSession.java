package org.safegate.keys.vault;

import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Vault token over its life: logged in on first use, renewed (auth/token/renew-self)
 * or replaced by a new AppRole login once two thirds of its lease are gone, and replaced once
 * more when Vault no longer accepts it. A token from the environment has no lease the gateway
 * knows of and nothing to log in again with: it is used as it is.
 */
final class VaultSession {
    private static final Logger LOG = LoggerFactory.getLogger(VaultSession.class);

    private final VaultAuth auth;
    private final Map<String, String> environment;
    private final VaultConnection connection;
    private final Clock clock;
    private VaultToken token; // guarded by this

    VaultSession(VaultAuth auth, Map<String, String> environment, VaultConnection connection, Clock clock) {
        this.auth = auth;
        this.environment = Map.copyOf(environment);
        this.connection = connection;
        this.clock = clock;
    }

    /** The token to send now. */
    synchronized VaultToken current() {
        Instant now = clock.instant();
        if (token == null) {
            token = login(now);
        } else if (token.refreshDue(now)) {
            token = refresh(token, now);
        }
        return token;
    }

    /** One request to Vault with a token; the driver returns 4xx answers and throws for the rest. */
    interface Request {
        LogicalResponse send(VaultToken token) throws VaultException;
    }

    /**
     * The answer to {@code request} (about {@code path}, for messages). A 403 is asked about once
     * (auth/token/lookup-self): if Vault no longer accepts the token, the gateway logs in again and
     * sends once more; a second 403, or a 403 for a token Vault still accepts (its policies do not
     * cover the path), is reported, never retried.
     */
    LogicalResponse send(String path, Request request) throws VaultException {
        VaultToken token = current();
        LogicalResponse response = request.send(token);
        return response.getRestResponse().getStatus() == 403 ? afterRefusal(path, token, request) : response;
    }

    /** After a 403 for {@code refused}: the answer sent with a new token, or the reason there is none. */
    private LogicalResponse afterRefusal(String path, VaultToken refused, Request request) throws VaultException {
        String denied = "Vault answered 403 (permission denied) for " + path;
        if (accepted(refused)) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, denied
                    + ": the token is still valid, so its policies do not allow this request on this path");
        }
        Optional<VaultToken> fresh = replace(refused);
        if (fresh.isEmpty()) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, denied + ": Vault no longer accepts the token from "
                    + source() + " (expired or revoked); give the gateway a valid token");
        }
        LogicalResponse retried = request.send(fresh.get());
        if (retried.getRestResponse().getStatus() == 403) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, denied + " also after logging in again at "
                    + source());
        }
        return retried;
    }

    /**
     * Whether Vault still accepts {@code candidate}, asked with auth/token/lookup-self (which
     * Vault's default policy allows every token): after a 403 this tells an expired or revoked
     * token from a policy that does not cover the path.
     */
    private boolean accepted(VaultToken candidate) throws VaultException {
        try {
            connection.auth(candidate).auth().lookupSelf();
            return true;
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 403) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A new token in place of {@code refused}, which Vault no longer accepts: from a new AppRole
     * login, or the one another read has already logged in for. Empty for a token from the
     * environment, which a new "login" would only read again.
     */
    private synchronized Optional<VaultToken> replace(VaultToken refused) {
        if (!token.value().equals(refused.value())) {
            return Optional.of(token);
        }
        if (auth instanceof VaultAuth.Token) {
            return Optional.empty();
        }
        token = login(clock.instant());
        LOG.warn("Vault no longer accepted the gateway's token (expired or revoked): logged in again at {}", source());
        return Optional.of(token);
    }

    /** Where the token comes from, for messages: the variable or the login, never a value. */
    String source() {
        return auth instanceof VaultAuth.Token t ? t.tokenRef() : "auth/" + ((VaultAuth.AppRole) auth).mount();
    }

    private VaultToken refresh(VaultToken old, Instant now) {
        try {
            if (old.renewable()) {
                try {
                    return renew(old, now);
                } catch (VaultException e) {
                    LOG.warn("Renewing the Vault token (auth/token/renew-self) failed{}: logging in again at {}",
                            status(e), source());
                }
            }
            return login(now);
        } catch (SafegateException e) {
            if (old.expired(now)) {
                throw e;
            }
            // Vault may be briefly unavailable; the token still works until its lease ends
            LOG.warn("{}; the current Vault token is used until its lease ends at {}", e.getMessage(),
                    old.obtained().plus(old.lease()));
            return old;
        }
    }

    private VaultToken renew(VaultToken old, Instant now) throws VaultException {
        long asked = old.lease().toSeconds();
        AuthResponse response = connection.auth(old).auth().renewSelf(asked);
        long granted = response.getAuthLeaseDuration();
        // Vault grants less than asked once the token nears its max TTL: then the next step is a new login
        LOG.debug("Vault token renewed for {} s (asked {} s)", granted, asked);
        return new VaultToken(old.value(), Duration.ofSeconds(granted),
                response.isAuthRenewable() && granted >= asked, now);
    }

    private VaultToken login(Instant now) {
        if (auth instanceof VaultAuth.Token t) {
            return VaultToken.unleased(VaultAuth.resolve(t.tokenRef(), environment), now);
        }
        VaultAuth.AppRole role = (VaultAuth.AppRole) auth;
        String secretId = VaultAuth.resolve(role.secretIdRef(), environment);
        try {
            AuthResponse response = connection.auth(null).auth().loginByAppRole(role.mount(), role.roleId(), secretId);
            if (response.getAuthClientToken() == null) {
                throw new SafegateException(ErrorCode.KEY_UNAVAILABLE,
                        "Vault AppRole login at auth/" + role.mount() + " answered without auth.client_token");
            }
            return new VaultToken(response.getAuthClientToken(), Duration.ofSeconds(response.getAuthLeaseDuration()),
                    response.isAuthRenewable(), now);
        } catch (VaultException e) {
            throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "Vault AppRole login at auth/" + role.mount()
                    + " failed" + status(e) + ": " + e.getMessage(), e);
        }
    }

    static String status(VaultException e) {
        return e.getHttpStatusCode() > 0 ? " (HTTP " + e.getHttpStatusCode() + ")" : "";
    }
}
