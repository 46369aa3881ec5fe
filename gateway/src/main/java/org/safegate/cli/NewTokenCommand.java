package org.safegate.cli;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.admin.ApiToken;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code safegate operator new-token --operator ID --name NAME}: makes a random API token for the
 * admin API and prints it once, with the hash to add under {@code api-tokens} in the operator's
 * file. The token itself is stored nowhere.
 */
@Command(name = "new-token", mixinStandardHelpOptions = true,
        description = {"Make an API token for an operator: prints the token (give it to the operator; it is shown"
                + " only now) and the lines to add to policies/operators/<id>.yaml."})
final class NewTokenCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");

    @Option(names = "--operator", required = true, paramLabel = "ID", description = "The operator's id.")
    String operator;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "A name for the token (letters, digits, - or _), e.g. the script that uses it.")
    String name;

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
        out.println("  - { name: " + name + ", hash: \"" + hash + "\" }");
        out.flush();
        return ExitCodes.OK;
    }
}
