package org.safegate.operator;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.shiro.authc.AuthenticationToken;

/**
 * An API token as a client presents it: {@code <operator-id>.<token-name>.<secret>}. The operator
 * file keeps only a hash of the secret under the token's name, so one token is checked with one
 * hash comparison. The secret never appears in {@link #toString()}.
 */
public final class ApiToken implements AuthenticationToken {
    private static final int SECRET_BYTES = 32;

    private final String operator;
    private final String name;
    private final char[] secret;

    private ApiToken(String operator, String name, char[] secret) {
        this.operator = operator;
        this.name = name;
        this.secret = secret;
    }

    /** Reads a presented token; empty when it is not of the token's shape. */
    public static Optional<ApiToken> parse(String text) {
        int last = text.lastIndexOf('.');
        int middle = last > 0 ? text.lastIndexOf('.', last - 1) : -1;
        if (middle <= 0 || last == text.length() - 1 || middle + 1 == last) {
            return Optional.empty();
        }
        return Optional.of(new ApiToken(text.substring(0, middle), text.substring(middle + 1, last),
                text.substring(last + 1).toCharArray()));
    }

    /** A new token for the operator: its text to hand over once, never stored. */
    public static String generate(String operator, String name, SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        try {
            return operator + "." + name + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The secret part of a token text (what is hashed into the operator file). */
    public static char[] secretOf(String token) {
        return parse(token).map(t -> t.secret).orElseThrow(() -> new IllegalArgumentException("not a token"));
    }

    public String operator() {
        return operator;
    }

    public String name() {
        return name;
    }

    @Override
    public Object getPrincipal() {
        return operator;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiToken[" + operator + "." + name + ".****]";
    }
}
