package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate agency ...}: a security officer's powers over an agency's access. */
@Command(name = "agency",
        mixinStandardHelpOptions = true,
        description = "List and show agencies; revoke or reinstate an agency's access (takes effect on the very next file).",
        subcommands = {AgencyListCommand.class, AgencyShowCommand.class, AgencyRevokeCommand.class,
                AgencyReinstateCommand.class})
final class AgencyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: list, show, revoke or reinstate");
    }
}
