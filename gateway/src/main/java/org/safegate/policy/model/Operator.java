package org.safegate.policy.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A person who runs the gateway, with the roles the policy gives them, a password hash and their
 * API tokens (by token name, each with the hash of its secret and its expiry date). Only hashes are
 * ever held, never a secret.
 */
public record Operator(String id, String name, Set<Role> roles, String passwordHash, Source source,
                       Map<String, ApiTokenHash> apiTokens) {
    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(passwordHash, "passwordHash");
        apiTokens = java.util.Collections.unmodifiableMap(new TreeMap<>(apiTokens));
    }

    /** An operator without API tokens. */
    public Operator(String id, String name, Set<Role> roles, String passwordHash, Source source) {
        this(id, name, roles, passwordHash, source, Map.of());
    }

    /** The hash of each token's secret, by token name. */
    public Map<String, String> apiTokenHashes() {
        Map<String, String> hashes = new TreeMap<>();
        apiTokens.forEach((tokenName, token) -> hashes.put(tokenName, token.hash()));
        return java.util.Collections.unmodifiableMap(hashes);
    }

    @Override
    public String toString() {
        return "Operator[id=" + id + ", roles=" + roles + ", tokens=" + apiTokens.keySet() + "]";
    }
}
