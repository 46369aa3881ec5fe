package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate safeguard ...}: a security officer's record of an agency's safeguard program. */
@Command(name = "safeguard",
        mixinStandardHelpOptions = true,
        description = "Record safeguard events (review, SSR, finding, CAP) in an agency's safeguard file.",
        subcommands = {SafeguardRecordCommand.class})
final class SafeguardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: record");
    }
}
