package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.app.Gateway;
import org.safegate.config.Settings;
import org.safegate.operator.AgreementAccess;
import org.safegate.operator.Power;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What agreement revoke and reinstate share: the agreement, the reason, who acts, and the gateway's store. */
abstract class AgreementChange {
    /** What the agreement service refuses for the caller's input, where the command line says INVALID_ARGUMENT. */
    private static final Set<ErrorCode> AGREEMENT_ERRORS = EnumSet.of(ErrorCode.BAD_INPUT, ErrorCode.NOT_FOUND,
            ErrorCode.NOT_REVOKED);

    final Clock clock;

    AgreementChange(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", paramLabel = "ID", description = "The agreement, as in policies/agreements/.")
    String agreement;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit log).")
    String reason;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path config;

    @Mixin
    ServerOptions server;

    /**
     * With {@code --server}, or when a gateway runs with this configuration, asks that gateway
     * (which checks, records and audits with the operator as actor); otherwise opens the store and keys and runs the change through the same
     * service the admin API uses.
     */
    int change(String verb) {
        Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
        if (server.remote(settings)) {
            var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("reason", reason);
            notice().ifPresent(n -> body.put("notice", n));
            server.client(settings).post("/api/agreements/" + ApiClient.segment(agreement) + "/" + verb, body);
            return ExitCodes.OK;
        }
        LocalOperator operator = LocalOperator.of(server);
        try (Gateway gateway = Gateway.open(settings, System.getenv(), Path.of("").toAbsolutePath(), clock)) {
            String command = "safegate agreement " + verb;
            String actor = operator.require(gateway, Power.AGREEMENTS_REVOKE, command, agreement);
            apply(gateway.agreementAccess(), actor, command + " (command line)");
            return ExitCodes.OK;
        } catch (SafegateException e) {
            if (!AGREEMENT_ERRORS.contains(e.code())) {
                throw e;
            }
            // an unknown agreement, a missing reason or nothing to reinstate is an invalid argument here
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e);
        }
    }

    abstract void apply(AgreementAccess access, String actor, String origin);

    /** What other agencies may read of the change (a revocation's notice); none by default. */
    Optional<String> notice() {
        return Optional.empty();
    }
}
