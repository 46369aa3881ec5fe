package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate transfers ...}: files waiting on an operator or a retry, and releasing one. */
@Command(name = "transfers",
        mixinStandardHelpOptions = true,
        description = "List held and quarantined transfers; release one to be decided afresh.",
        subcommands = {TransfersHeldCommand.class, TransfersQuarantinedCommand.class, TransfersReleaseCommand.class})
final class TransfersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: held, quarantined or release");
    }
}
