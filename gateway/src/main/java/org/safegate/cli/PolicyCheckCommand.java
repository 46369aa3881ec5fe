package org.safegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import org.safegate.policy.InMemoryRevocations;
import org.safegate.policy.PemCertificateCheck;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code safegate policy check}: loads the policy set and prints each agency's safeguard status
 * and each agreement's transfer decision on a day. Exit 0 when the set is valid (whatever the
 * agencies' status), 2 when it is not.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the policy set and show, on a day, which agencies are current and which agreements permit transfers.",
            "Exit status: 0 valid, 2 invalid (every error is printed with file:line)."})
final class PolicyCheckCommand implements Callable<Integer> {
    private final Clock clock;

    PolicyCheckCommand(Clock clock) {
        this.clock = clock;
    }


    @Option(names = "--policies", paramLabel = "DIR",
            description = "Policy folder (default: safegate.policies of the configuration, else ./policies).")
    Path policies;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties, for its safegate.policies (default:"
                    + " ./application.properties if present).")
    Path config;

    @Option(names = "--at", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Evaluate on this day instead of today.")
    LocalDate at;

    @Option(names = "--json", description = "Print a JSON document instead of tables (see docs/policy-check.md).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path workingDir = Path.of("").toAbsolutePath();
        LocalDate day = at != null ? at : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Path policies = this.policies != null ? this.policies
                : GatewayConfig.from(Settings.load(Optional.ofNullable(config), System.getenv())).policies();
        PolicyLoadResult result = new PolicyLoader(workingDir).load(policies);
        PolicyStatus status = null;
        if (result.isValid()) {
            PolicySet set = result.require();
            SafeguardGate gate = SafeguardGate.create(() -> set, SafeguardSettings.DEFAULTS,
                    new InMemoryRevocations(), PemCertificateCheck.forPlanning(workingDir));
            status = PolicyStatus.of(set, gate, day);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            new PolicyCheckJson().write(out, policies, day, result, status);
        } else {
            new PolicyCheckTable(out).print(policies, day, result, status);
        }
        out.flush();
        return result.isValid() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
