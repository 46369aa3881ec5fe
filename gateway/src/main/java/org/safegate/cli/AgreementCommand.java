package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate agreement ...}: a security officer's powers over a single agreement. */
@Command(name = "agreement",
        mixinStandardHelpOptions = true,
        description = "Revoke or reinstate a single agreement (takes effect on the very next file).",
        subcommands = {AgreementRevokeCommand.class, AgreementReinstateCommand.class})
final class AgreementCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: revoke or reinstate");
    }
}
