package org.safegate.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code safegate operator hash-password}: reads a password on standard input (without echo on a
 * terminal) and prints its Shiro hash (argon2id) for the {@code password-hash} key of an
 * operator file. The password is never printed, logged or taken as an argument (where {@code ps}
 * would show it).
 */
@Command(name = "hash-password",
        mixinStandardHelpOptions = true,
        description = "Read a password on standard input and print the hash to paste into policies/operators/<id>.yaml.")
final class HashPasswordCommand implements Callable<Integer> {
    /** Short passwords are guessable whatever the hash. */
    static final int MIN_LENGTH = 12;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        char[] password = read();
        try {
            if (password.length < MIN_LENGTH) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                        "the password is shorter than " + MIN_LENGTH + " characters");
            }
            spec.commandLine().getOut().println(new DefaultPasswordService().encryptPassword(password));
            return ExitCodes.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? new char[0] : typed;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
