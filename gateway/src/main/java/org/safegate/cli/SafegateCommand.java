package org.safegate.cli;

import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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
                TransfersCommand.class,
                SafeguardCommand.class,
                RecallCommand.class,
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

    /** A configured command line on the system clock. */
    public static CommandLine newCommandLine() {
        return newCommandLine(Clock.systemUTC());
    }

    /** A configured command line whose commands take "now" from {@code clock}; tests run commands in-process with it. */
    public static CommandLine newCommandLine(Clock clock) {
        CommandLine cli = new CommandLine(new SafegateCommand(), new ClockFactory(clock));
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }
}
