package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.safegate.cli.SafegateCommand;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/** Runs {@code safegate audit verify ARGS} in-process and checks its exit status and what it names. */
final class VerifyCommandRunner {
    private VerifyCommandRunner() {
    }

    static void assertTampered(TamperKind kind, long sequence, String... args) {
        Run run = run(args);
        assertThat(run.exit).as(run.err).isEqualTo(1);
        assertThat(run.out).contains(kind.headline() + ": ").contains("event " + sequence + ": " + kind.label());
    }

    static void assertIntact(String expected, String... args) {
        Run run = run(args);
        assertThat(run.exit).as(run.err + run.out).isZero();
        assertThat(run.out).startsWith(expected);
    }

    /** The exit status and that standard error says {@code expected}. */
    static void assertExit(int status, String expected, String... args) {
        Run run = run(args);
        assertThat(run.exit).as(run.err + run.out).isEqualTo(status);
        assertThat(run.err).contains(expected);
    }

    /** Standard output of a run that must end with {@code status}. */
    static String output(int status, String... args) {
        Run run = run(args);
        assertThat(run.exit).as(run.err + run.out).isEqualTo(status);
        return run.out;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] command = new String[args.length + 2];
        command[0] = "audit";
        command[1] = "verify";
        System.arraycopy(args, 0, command, 2, args.length);
        int exit = cli.execute(command);
        return new Run(exit, out.toString(), err.toString());
    }
}
