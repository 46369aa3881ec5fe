package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate recall ...}: recall delivered data and everything passed on from it; read recalls. */
@Command(name = "recall",
        mixinStandardHelpOptions = true,
        description = "Recall delivered data (every holder downstream is listed); list and show recalls; close items.",
        subcommands = {RecallCreateCommand.class, RecallListCommand.class, RecallShowCommand.class,
            RecallCloseCommand.class})
final class RecallCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: create, list, show or close");
    }
}
