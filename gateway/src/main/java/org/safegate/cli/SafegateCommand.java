package org.safegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code safegate} command line: the entry point of the runnable jar. */
@Command(name = "safegate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Policy-gated, audited file exchange between agencies.",
        subcommands = {
                DemoCommand.class,
                PolicyCommand.class,
                KeysCommand.class,
                SealCommand.class,
                OpenCommand.class,
                OperatorCommand.class,
                AuditCommand.class,
                RunCommand.class,
                AgencyCommand.class,
                AgreementCommand.class,
        })
public final class SafegateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** A configured command line; tests use it to run commands in-process. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new SafegateCommand());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }
}
