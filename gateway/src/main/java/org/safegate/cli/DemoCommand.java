package org.safegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.safegate.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate demo}: the case of BRIEF.md, played step by step in a throw-away workspace. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Play the IRS / DOJ / ICE case step by step in a temporary workspace (no set-up needed).")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Demo demo = new Demo(out, args -> {
            CommandLine nested = SafegateCommand.newCommandLine();
            nested.setOut(out);
            nested.setErr(spec.commandLine().getErr());
            return nested.execute(args);
        });
        return demo.run() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
