package org.safegate.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.safegate.operator.AgreementAccess;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code safegate agreement revoke ID --reason TEXT [--notice TEXT]}: no file moves under the agreement until it is reinstated. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke one agreement at once: every later file under it is denied (AGREEMENT_REVOKED).")
final class AgreementRevokeCommand extends AgreementChange implements Callable<Integer> {

    AgreementRevokeCommand(Clock clock) {
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
        return Optional.ofNullable(notice);
    }

    @Override
    public Integer call() {
        int exit = change("revoke");
        spec.commandLine().getOut().println(agreement + " revoked: every later file under it is denied");
        return exit;
    }

    @Override
    void apply(AgreementAccess access, String actor, String origin) {
        access.revoke(agreement, reason, notice(), actor, origin);
    }
}
