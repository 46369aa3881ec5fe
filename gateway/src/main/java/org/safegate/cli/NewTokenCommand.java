package org.safegate.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.ApiSettings;
import org.safegate.config.Settings;
import org.safegate.operator.ApiToken;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code safegate operator new-token --operator ID --name NAME}: makes a random API token for the
 * admin API and prints it once, with the hash and expiry date to add under {@code api-tokens} in
 * the operator's file. The token itself is stored nowhere. Its expiry is the day its lifetime ends
 * ({@code --lifetime}, else {@code safegate.api.token-lifetime}, else 90 days), rounded down, so a
 * token never outlives its lifetime.
 */
@Command(name = "new-token", mixinStandardHelpOptions = true,
        description = {"Make an API token for an operator: prints the token (give it to the operator; it is shown"
                + " only now) and the lines to add to policies/operators/<id>.yaml, with its expiry date."})
final class NewTokenCommand implements Callable<Integer> {
    private final Clock clock;

    NewTokenCommand(Clock clock) {
        this.clock = clock;
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");

    @Option(names = "--operator", required = true, paramLabel = "ID", description = "The operator's id.")
    String operator;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "A name for the token (letters, digits, - or _), e.g. the script that uses it.")
    String name;

    @Option(names = "--lifetime", paramLabel = "DURATION",
            description = "How long the token works, ISO-8601 (e.g. P30D). Default: safegate.api.token-lifetime"
                    + " of the configuration, else P90D.")
    String lifetime;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!OPERATOR.matcher(operator).matches()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--operator is not an operator id: " + operator);
        }
        if (!NAME.matcher(name).matches()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                    "--name must be 1 to 40 letters, digits, '-' or '_'");
        }
        Duration life = lifetime();
        LocalDate expires = LocalDate.ofInstant(clock.instant().plus(life), ZoneOffset.UTC);
        String token = ApiToken.generate(operator, name, new SecureRandom());
        char[] secret = ApiToken.secretOf(token);
        String hash;
        try {
            hash = new DefaultPasswordService().encryptPassword(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        var out = spec.commandLine().getOut();
        out.println("token (shown only now; send it as 'Authorization: Bearer <token>'):");
        out.println(token);
        out.println();
        out.println("add to policies/operators/" + operator + ".yaml:");
        out.println("api-tokens:");
        out.println("  - { name: " + name + ", hash: \"" + hash + "\", expires: " + expires + " }");
        out.println();
        out.println("it stops working at the start of " + expires + " (UTC); to stop it sooner: POST /api/operators/"
                + operator + "/tokens/revoke");
        out.flush();
        return ExitCodes.OK;
    }

    private Duration lifetime() {
        if (lifetime == null) {
            return ApiSettings.tokenLifetime(Settings.load(Optional.ofNullable(config), System.getenv()));
        }
        try {
            return ApiSettings.tokenLifetime(Settings.of(Map.of(ApiSettings.TOKEN_LIFETIME, lifetime)));
        } catch (SafegateException e) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--lifetime"
                    + e.getMessage().substring(ApiSettings.TOKEN_LIFETIME.length()), e);
        }
    }
}
