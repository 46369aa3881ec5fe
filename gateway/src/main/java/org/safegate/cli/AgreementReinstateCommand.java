package org.safegate.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.safegate.operator.AgreementAccess;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate agreement reinstate ID --reason TEXT}: lifts an agreement's revocation. */
@Command(name = "reinstate", mixinStandardHelpOptions = true,
        description = "Lift an agreement's revocation; its rules decide again.")
final class AgreementReinstateCommand extends AgreementChange implements Callable<Integer> {

    AgreementReinstateCommand(Clock clock) {
        super(clock);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int exit = change("reinstate");
        spec.commandLine().getOut().println(agreement + " reinstated");
        return exit;
    }

    @Override
    void apply(AgreementAccess access, String actor, String origin) {
        access.reinstate(agreement, reason, actor, origin);
    }
}
