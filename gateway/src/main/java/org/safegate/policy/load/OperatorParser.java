package org.safegate.policy.load;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safegate.policy.model.ApiTokenHash;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.Role;

/**
 * Reads {@code operators/<id>.yaml}; a password or API token that is not a Shiro hash is refused.
 * API tokens are optional: {@code api-tokens: [{name: ci, hash: "$shiro2$...", expires: 2027-03-01}]},
 * each from {@code safegate operator new-token}. A token without {@code expires} is a warning: it
 * lives the gateway's token lifetime from when the gateway first sees it.
 */
final class OperatorParser {
    /** Shiro 2's modular crypt format, as printed by {@code safegate operator hash-password}. */
    private static final String SHIRO_HASH_PREFIX = "$shiro2$";
    /** A token name is part of the token text ({@code <operator>.<name>.<secret>}), so it has no dot. */
    private static final java.util.regex.Pattern TOKEN_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

    Optional<Operator> parse(MappingReader in, Problems problems) {
        int before = problems.errorCount();
        String id = in.string("id");
        String name = in.string("name");
        List<String> roleKeys = in.stringList("roles", true);
        String hash = in.string("password-hash");
        Map<String, ApiTokenHash> tokens = tokens(in);
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
        return Optional.of(new Operator(id, name, roles, hash, in.source(), tokens));
    }

    private static Map<String, ApiTokenHash> tokens(MappingReader in) {
        Map<String, ApiTokenHash> tokens = new LinkedHashMap<>();
        for (MappingReader token : in.mappingList("api-tokens")) {
            String name = token.string("name");
            String hash = token.string("hash");
            Optional<LocalDate> expires = token.optionalDate("expires");
            token.rejectUnknownKeys();
            if (name != null && expires.isEmpty() && !token.has("expires")) {
                token.warning(token.lineOf("name"), "expires", ProblemCode.TOKEN_WITHOUT_EXPIRY, "token '" + name
                        + "' has no expires date: it stops safegate.api.token-lifetime (default 90 days) after the"
                        + " gateway first sees it; 'safegate operator new-token' makes tokens with their date");
            }
            if (name != null && !TOKEN_NAME.matcher(name).matches()) {
                token.problem(token.lineOf("name"), "name", ProblemCode.INVALID_VALUE,
                        "a token name is 1 to 40 letters, digits, '-' or '_'");
            } else if (name != null && tokens.containsKey(name)) {
                token.problem(token.lineOf("name"), "name", ProblemCode.DUPLICATE_ID, "token '" + name + "' is listed twice");
            }
            if (hash != null && !hash.startsWith(SHIRO_HASH_PREFIX)) {
                token.problem(token.lineOf("hash"), "hash", ProblemCode.PLAINTEXT_PASSWORD,
                        "is not a token hash; run './safegate operator new-token' and paste the hash it prints");
            }
            if (name != null && hash != null) {
                tokens.putIfAbsent(name, new ApiTokenHash(name, hash, expires));
            }
        }
        return tokens;
    }
}
