package org.safegate.policy.load;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.Role;

/** Reads {@code operators/<id>.yaml}; a password that is not a Shiro hash is refused. */
final class OperatorParser {
    /** Shiro 2's modular crypt format, as printed by {@code safegate operator hash-password}. */
    private static final String SHIRO_HASH_PREFIX = "$shiro2$";

    Optional<Operator> parse(MappingReader in, Problems problems) {
        int before = problems.errorCount();
        String id = in.string("id");
        String name = in.string("name");
        List<String> roleKeys = in.stringList("roles", true);
        String hash = in.string("password-hash");
        in.rejectUnknownKeys();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String key : roleKeys) {
            Optional<Role> role = Role.fromKey(key);
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                in.problem(in.lineOf("roles"), "roles", ProblemCode.INVALID_VALUE,
                        "'" + key + "' is not a role; use administrator, security-officer or auditor");
            }
        }
        if (hash != null && !hash.startsWith(SHIRO_HASH_PREFIX)) {
            // never echo the value: it may be a real password
            in.problem(in.lineOf("password-hash"), "password-hash", ProblemCode.PLAINTEXT_PASSWORD,
                    "is not a password hash; run './safegate operator hash-password' and paste its output");
        }
        if (problems.errorCount() > before || roles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Operator(id, name, roles, hash, in.source()));
    }
}
