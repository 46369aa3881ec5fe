package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate operator ...}: tools for the people who run the gateway. */
@Command(name = "operator",
        mixinStandardHelpOptions = true,
        description = "Operator accounts (policies/operators/<id>.yaml).",
        subcommands = {HashPasswordCommand.class, NewTokenCommand.class})
final class OperatorCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'operator hash-password'");
    }
}
