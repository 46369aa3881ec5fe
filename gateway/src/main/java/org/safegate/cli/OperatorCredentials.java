package org.safegate.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.operator.ApiToken;

/**
 * Who runs a command that acts as an operator. Never taken from an argument, where {@code ps} would
 * show it: an API token from {@code SAFEGATE_TOKEN} (or {@code SAFEGATE_API_TOKEN}), or from a
 * token file readable by its owner only ({@code --token-file} or {@code SAFEGATE_TOKEN_FILE}); else
 * an operator id and password from {@code SAFEGATE_API_USER} and {@code SAFEGATE_API_PASSWORD};
 * else asked on the terminal, the password without echo.
 */
sealed interface OperatorCredentials {
    String SOURCES = "set SAFEGATE_TOKEN (or SAFEGATE_API_TOKEN), give --token-file, set SAFEGATE_API_USER and"
            + " SAFEGATE_API_PASSWORD, or run on a terminal to be asked";
    Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** The operator these credentials claim to be (the token's operator, or the id given). */
    String operator();

    /** The same proof as Shiro checks it (the admin API's realm). */
    AuthenticationToken shiroToken();

    /** The same proof as an HTTP {@code Authorization} header for the admin API. */
    String authorizationHeader();

    /** An API token. */
    record Token(ApiToken token, String text) implements OperatorCredentials {
        @Override
        public String operator() {
            return token.operator();
        }

        @Override
        public AuthenticationToken shiroToken() {
            return token;
        }

        @Override
        public String authorizationHeader() {
            return "Bearer " + text;
        }

        @Override
        public String toString() {
            return "Token[" + token.operator() + "." + token.name() + "]";
        }
    }

    /** An operator id and password. */
    record Password(String operator, char[] password) implements OperatorCredentials {
        @Override
        public AuthenticationToken shiroToken() {
            return new UsernamePasswordToken(operator, password);
        }

        @Override
        public String authorizationHeader() {
            byte[] pair = (operator + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
            try {
                return "Basic " + Base64.getEncoder().encodeToString(pair);
            } finally {
                Arrays.fill(pair, (byte) 0);
            }
        }

        @Override
        public String toString() {
            return "Password[" + operator + "]";
        }
    }

    /** The credentials of this invocation, from the first source that has any. */
    static OperatorCredentials resolve(Map<String, String> environment, Optional<Path> tokenFile, Console console) {
        Optional<String> token = Optional.ofNullable(environment.get("SAFEGATE_TOKEN"))
                .or(() -> Optional.ofNullable(environment.get("SAFEGATE_API_TOKEN"))).map(String::trim)
                .filter(t -> !t.isEmpty());
        Optional<Path> file = tokenFile.or(() -> Optional.ofNullable(environment.get("SAFEGATE_TOKEN_FILE"))
                .filter(f -> !f.isBlank()).map(Path::of));
        if (token.isEmpty() && file.isPresent()) {
            token = Optional.of(readTokenFile(file.get()));
        }
        if (token.isPresent()) {
            String text = token.get();
            return ApiToken.parse(text).<OperatorCredentials>map(t -> new Token(t, text))
                    .orElseThrow(() -> new SafegateException(ErrorCode.INVALID_ARGUMENT,
                            "the API token is not in the form <operator>.<name>.<secret>"));
        }
        String user = environment.get("SAFEGATE_API_USER");
        String password = environment.get("SAFEGATE_API_PASSWORD");
        if (user != null && !user.isBlank() && password != null) {
            return new Password(user.trim(), password.toCharArray());
        }
        if (console == null) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "no operator credentials: " + SOURCES);
        }
        String id = user != null && !user.isBlank() ? user.trim() : console.readLine("Operator: ");
        if (id == null || id.isBlank()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "no operator id given");
        }
        char[] typed = console.readPassword("Password for %s: ", id);
        if (typed == null) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "no password given");
        }
        return new Password(id.trim(), typed);
    }

    private static String readTokenFile(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "token file " + file
                        + " is not a regular file");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "token file " + file
                        + " can be read or changed by other users; make it readable by its owner only (chmod 600)");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "token file " + file + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "cannot read token file " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
