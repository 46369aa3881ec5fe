package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.app.Gateway;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.config.Settings;
import org.safegate.operator.Power;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What revoke and reinstate share: the agency, the reason, who acts, and the gateway's store. */
abstract class AgencyAccess {
    final Clock clock;

    AgencyAccess(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", paramLabel = "ID", description = "The agency, as in policies/agencies/.")
    String agency;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit log).")
    String reason;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path config;

    @Mixin
    ServerOptions server;

    /**
     * Through the admin API with {@code --server} or when a gateway runs with this configuration;
     * otherwise opens the gateway's store and keys, checks the agency exists, and runs the change.
     */
    int change(AuditEventType type, String verb) {
        if (reason.isBlank()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "--reason must say why");
        }
        Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
        if (server.remote(settings)) {
            // the running gateway checks the agency, records the change and audits it with the operator as actor
            String action = type == AuditEventType.AGENCY_REVOKED ? "revoke" : "reinstate";
            var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("reason", reason);
            notice().ifPresent(n -> body.put("notice", n));
            server.client(settings).post("/api/agencies/" + ApiClient.segment(agency) + "/" + action, body);
            return ExitCodes.OK;
        }
        LocalOperator operator = LocalOperator.of(server);
        try (Gateway gateway = Gateway.open(settings, System.getenv(), Path.of("").toAbsolutePath(), clock)) {
            String command = "safegate agency " + (type == AuditEventType.AGENCY_REVOKED ? "revoke" : "reinstate");
            String actor = operator.require(gateway, Power.AGENCIES_REVOKE, command, agency);
            if (gateway.policies().get().agency(agency).isEmpty()) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "'" + agency + "' is not an agency of the policy set");
            }
            apply(gateway, actor);
            gateway.auditLog().append(AuditEntry.builder(type, actor).origin(command + " (command line)")
                    .object(agency).change(verb + ": " + reason + notice().map(n -> "; notice: " + n).orElse(""))
                    .build());
            return ExitCodes.OK;
        }
    }

    abstract void apply(Gateway gateway, String actor);

    /** What other agencies may read of the change (a revocation's notice); none by default. */
    Optional<String> notice() {
        return Optional.empty();
    }
}
