package org.safegate.policy.model;

import java.util.Arrays;
import java.util.Optional;

/** The operator roles; each gets exactly the powers of its job. */
public enum Role {
    ADMINISTRATOR("administrator"),
    SECURITY_OFFICER("security-officer"),
    AUDITOR("auditor");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
