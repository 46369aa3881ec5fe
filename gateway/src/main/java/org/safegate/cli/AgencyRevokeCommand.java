package org.safegate.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.Revocation;
import org.safegate.app.Gateway;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code safegate agency revoke ID --reason TEXT [--notice TEXT]}: no file reaches the agency until it is reinstated. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an agency's access at once: every later file to it is denied (AGENCY_REVOKED).")
final class AgencyRevokeCommand extends AgencyAccess implements Callable<Integer> {

    AgencyRevokeCommand(Clock clock) {
        super(clock);
    }

    @CommandLine.Option(names = "--notice", paramLabel = "TEXT",
            description = "What the agencies' receipts say about the revocation (default: a standard sentence; "
                    + "--reason stays internal).")
    String notice;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    Optional<String> notice() {
        if (notice != null && notice.isBlank()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--notice is empty: leave it out for the standard sentence");
        }
        return Optional.ofNullable(notice).map(String::strip);
    }

    @Override
    public Integer call() {
        int exit = change(AuditEventType.AGENCY_REVOKED, "revoked");
        spec.commandLine().getOut().println(agency + " revoked: every later file to it is denied");
        return exit;
    }

    @Override
    void apply(Gateway gateway, String actor) {
        gateway.revocations().revoke(new Revocation(agency, clock.instant(), actor, reason, notice()));
    }
}
