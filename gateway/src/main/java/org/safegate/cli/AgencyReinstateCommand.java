package org.safegate.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.app.Gateway;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code safegate agency reinstate ID --reason TEXT}: lifts a revocation. */
@Command(name = "reinstate", mixinStandardHelpOptions = true,
        description = "Lift an agency's revocation; its safeguard rules decide again.")
final class AgencyReinstateCommand extends AgencyAccess implements Callable<Integer> {

    AgencyReinstateCommand(Clock clock) {
        super(clock);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int exit = change(AuditEventType.AGENCY_REINSTATED, "reinstated");
        spec.commandLine().getOut().println(agency + " reinstated");
        return exit;
    }

    @Override
    void apply(Gateway gateway, String actor) {
        if (!gateway.revocations().reinstate(agency)) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, agency + " is not revoked");
        }
    }
}
