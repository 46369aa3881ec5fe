package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate policy ...}: work with the policy set. */
@Command(name = "policy",
        mixinStandardHelpOptions = true,
        description = "Check the policy set: agencies, agreements, safeguards and operators.",
        subcommands = {PolicyCheckCommand.class, PolicyReloadCommand.class})
final class PolicyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'policy check'");
    }
}
