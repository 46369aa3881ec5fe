package org.safegate.policy.model;

import java.util.Objects;
import java.util.Set;

/** A person who runs the gateway, with the roles the policy gives them and a password hash. */
public record Operator(String id, String name, Set<Role> roles, String passwordHash, Source source) {
    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "Operator[id=" + id + ", roles=" + roles + "]";
    }
}
