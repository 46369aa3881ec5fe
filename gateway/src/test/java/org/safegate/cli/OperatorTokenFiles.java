package org.safegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.safegate.operator.ApiToken;
import org.safegate.testing.TestClocks;

/**
 * API tokens for the example operators, as {@code safegate operator new-token} makes them: the
 * hash added to the operator's file in a workspace's policies, the token in a file readable by its
 * owner only (how a command given {@code --token-file} finds it).
 */
final class OperatorTokenFiles {
    private OperatorTokenFiles() {
    }

    /** Gives {@code operator} a token in {@code policies} and writes it to {@code tokenFile}. */
    static Path issue(Path policies, String operator, Path tokenFile) throws IOException {
        String token = ApiToken.generate(operator, "cli-test", new SecureRandom());
        String hash = new DefaultPasswordService().encryptPassword(new String(ApiToken.secretOf(token)));
        Files.writeString(policies.resolve("operators").resolve(operator + ".yaml"), "api-tokens:\n"
                + "  - { name: cli-test, hash: \"" + hash + "\", expires: " + TestClocks.CASE_DATE.plusDays(30) + " }\n",
                StandardOpenOption.APPEND);
        Files.writeString(tokenFile, token);
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        return tokenFile;
    }

    /** A token file with a token of {@code operator} that no operator file knows (a wrong secret). */
    static Path unknown(String operator, Path tokenFile) throws IOException {
        Files.writeString(tokenFile, ApiToken.generate(operator, "cli-test", new SecureRandom()));
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        return tokenFile;
    }
}
