package org.safegate.policy.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A person who runs the gateway, with the roles the policy gives them, a password hash and the
 * hashes of their API tokens (by token name). Only hashes are ever held, never a secret.
 */
public record Operator(String id, String name, Set<Role> roles, String passwordHash, Source source,
                       Map<String, String> apiTokenHashes) {
    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(passwordHash, "passwordHash");
        apiTokenHashes = java.util.Collections.unmodifiableMap(new TreeMap<>(apiTokenHashes));
    }

    /** An operator without API tokens. */
    public Operator(String id, String name, Set<Role> roles, String passwordHash, Source source) {
        this(id, name, roles, passwordHash, source, Map.of());
    }

    @Override
    public String toString() {
        return "Operator[id=" + id + ", roles=" + roles + ", tokens=" + apiTokenHashes.keySet() + "]";
    }
}
