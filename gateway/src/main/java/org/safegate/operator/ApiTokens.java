package org.safegate.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.policy.model.ApiTokenHash;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.PolicySet;
import org.safegate.store.StoredApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long API tokens work and their revocation. A token from an operator file works until the
 * earlier of its {@code expires} date and the token lifetime after the gateway first saw it; so a
 * token without a date (made before tokens had one) stops a lifetime after this version first met
 * it, and no date in a file stretches a token past the lifetime. A token is revoked by operator id
 * through the API, without editing policy files, and stays revoked: the store keeps it, by a digest
 * of its hash, and is read on every use.
 *
 * <p>The gateway records a token the first time it sees it (when a policy set holding it loads, or
 * at its first use if that record failed): audited as {@code API_TOKEN_ISSUED}, with its expiry.
 * Revocations are audited as {@code API_TOKEN_REVOKED}, with who, why and from where.
 */
public final class ApiTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

    private final StoredApiTokens store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration lifetime;

    public ApiTokens(StoredApiTokens store, AuditLog audit, Clock clock, Duration lifetime) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /**
     * Records, and audits as issued, every token of the set the gateway has not seen before. When
     * the store or the audit log fails, the set still loads: each token is then recorded at its
     * first use, and refused until that succeeds.
     */
    public void register(PolicySet set) {
        try {
            for (Operator operator : set.operators()) {
                for (ApiTokenHash token : operator.apiTokens().values()) {
                    known(operator, token, "policy set loaded");
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("API tokens of the policy set not recorded yet: {}", e.getMessage());
        }
    }

    /**
     * Refuses a token whose secret was just verified but that is revoked or expired.
     *
     * @throws DisabledAccountException   revoked
     * @throws ExpiredCredentialsException past its expiry
     */
    void requireUsable(Operator operator, ApiTokenHash token) {
        StoredApiTokens.Token known = known(operator, token, "first use");
        if (known.revocation().isPresent()) {
            throw new DisabledAccountException("API token " + id(operator, token) + " is revoked");
        }
        if (!clock.instant().isBefore(expiry(token, known.firstSeen()))) {
            throw new ExpiredCredentialsException("API token " + id(operator, token) + " has expired");
        }
    }

    /**
     * Revokes the operator's tokens, or the one named, that are not revoked yet; returns their names
     * (empty when none was left to revoke). Each is stored, then audited.
     */
    List<String> revoke(Operator operator, Optional<String> only, String by, String reason, String origin) {
        List<String> revoked = new ArrayList<>();
        for (ApiTokenHash token : operator.apiTokens().values()) {
            if (only.isPresent() && !only.get().equals(token.name())) {
                continue;
            }
            StoredApiTokens.Token known = known(operator, token, "its revocation");
            if (store.revoke(known.digest(), new StoredApiTokens.Revocation(clock.instant(), by, reason))) {
                audit.append(AuditEntry.builder(AuditEventType.API_TOKEN_REVOKED, by).origin(origin)
                        .object(id(operator, token)).change("revoked: " + reason).build());
                revoked.add(token.name());
            }
        }
        return revoked;
    }

    /** When the token stops working, given when the gateway first saw it. */
    Instant expiry(ApiTokenHash token, Instant firstSeen) {
        Instant byLifetime = firstSeen.plus(lifetime);
        return token.expiresAt().filter(date -> date.isBefore(byLifetime)).orElse(byLifetime);
    }

    /** The store's record of the token, made now (and audited) when there is none. */
    private StoredApiTokens.Token known(Operator operator, ApiTokenHash token, String occasion) {
        String digest = digest(token.hash());
        Optional<StoredApiTokens.Token> known = store.find(digest);
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = clock.instant();
        if (store.add(digest, operator.id(), token.name(), now)) {
            try {
                audit.append(AuditEntry.builder(AuditEventType.API_TOKEN_ISSUED, "gateway")
                        .origin(operator.source().file().toString()).object(id(operator, token))
                        .change("in force until " + expiry(token, now) + " (seen at " + occasion + ")").build());
            } catch (RuntimeException e) {
                // a token whose coming into force is not in the audit log does not work
                store.remove(digest);
                throw e;
            }
        }
        return store.find(digest).orElseThrow(() -> new IllegalStateException("API token " + id(operator, token)
                + " not found just after it was recorded"));
    }

    /** The token's public name, as in its text: {@code <operator>.<name>}. */
    private static String id(Operator operator, ApiTokenHash token) {
        return operator.id() + "." + token.name();
    }

    /** SHA-256 of the hash in the operator file: enough to recognise a token, nothing to guess its secret from. */
    static String digest(String hash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(hash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
