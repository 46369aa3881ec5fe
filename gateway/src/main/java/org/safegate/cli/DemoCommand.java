package org.safegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import org.safegate.demo.DemoClock;
import java.util.concurrent.Callable;
import org.safegate.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code safegate demo}: the case the README tells, played step by step in a throw-away workspace. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Play the IRS / DOJ / ICE case step by step in a temporary workspace (no set-up needed), "
            + "dated relative to today.",
            "Exit status: 0 every step turned out as expected, 1 a step did not (named), 3 failure."})
final class DemoCommand implements Callable<Integer> {
    private final Clock clock;

    @CommandLine.Option(names = "--keep", description = "Keep the workspace when the demo ends (its path is printed).")
    boolean keep;

    DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // one clock for the story and the commands it runs: it moves on when the story skips a day
        DemoClock story = new DemoClock(clock);
        Demo demo = new Demo(out, args -> {
            CommandLine nested = SafegateCommand.newCommandLine(story);
            nested.setOut(out);
            nested.setErr(spec.commandLine().getErr());
            return nested.execute(args);
        }, story, keep);
        return demo.run() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
