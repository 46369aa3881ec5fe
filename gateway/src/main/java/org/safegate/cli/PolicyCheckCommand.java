package org.safegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import org.safegate.keys.KeyProviders;
import org.safegate.policy.PemCertificateCheck;
import org.safegate.policy.PolicyStatus;
import org.safegate.policy.SafeguardGate;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.UpcomingChange;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.UpcomingSources;
import org.safegate.policy.UpcomingWindow;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.model.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code safegate policy check}: loads the policy set and prints each agency's safeguard status
 * and each agreement's transfer decision on a day; with {@code --within}, also what stops being
 * current in the period after it. Exit 0 when the set is valid (whatever the agencies' status and
 * whatever is upcoming), 2 when it is not.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the policy set and show, on a day, which agencies are current and which agreements permit transfers.",
            "With --within, also list what stops being current in that period (review age, SSR and CAP dates,"
                    + " agreement and certificate expiries, recalls falling overdue), each with the day it happens.",
            "With --config, the revocations in force and the recalls of that gateway's store count too.",
            "Exit status: 0 valid, 2 invalid (every error is printed with file:line), 3 the store of --config exists"
                    + " and cannot be read; upcoming changes do not change it."})
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
                    + " ./application.properties if present); given, the revocations and recalls of its store"
                    + " (read only) count too.")
    Path config;

    @Option(names = "--at", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Evaluate on this day instead of today.")
    LocalDate at;

    @Option(names = "--within", paramLabel = "PERIOD", converter = WithinConverter.class,
            description = "Also list what stops being current within this period after the day: Nd (days, e.g. 60d)"
                    + " or an ISO-8601 period (P60D).")
    UpcomingWindow within;

    @Option(names = "--json", description = "Print a JSON document instead of tables (see docs/policy-check.md).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path workingDir = Path.of("").toAbsolutePath();
        LocalDate day = at != null ? at : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
        GatewayConfig gatewayConfig = GatewayConfig.from(settings);
        Path policies = this.policies != null ? this.policies : gatewayConfig.policies();
        PolicyLoadResult result = new PolicyLoader(workingDir).load(policies);
        PolicyStatus status = null;
        List<UpcomingChange> upcoming = List.of();
        Optional<String> store = Optional.empty();
        if (result.isValid()) {
            PolicySet set = result.require();
            try (PlanningStore planning = config == null ? PlanningStore.none()
                    : PlanningStore.of(settings, workingDir, spec.commandLine().getErr())) {
                store = planning.place();
                SafeguardGate gate = SafeguardGate.create(() -> set, SafeguardSettings.DEFAULTS,
                        planning.revocations(), planning.recalls(), PemCertificateCheck.forPlanning(workingDir));
                status = PolicyStatus.of(set, gate, day);
                if (within != null) {
                    upcoming = new UpcomingChanges(SafeguardSettings.DEFAULTS,
                            sources(settings, gatewayConfig, workingDir), gate.recalls()).within(set, day, within);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            new PolicyCheckJson().write(out, policies, day, result, status, store, within, upcoming);
        } else {
            new PolicyCheckTable(out).print(policies, day, result, status, store);
            if (within != null && result.isValid()) {
                new UpcomingTable(out).print(day, within, upcoming);
            }
        }
        out.flush();
        return result.isValid() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }

    /**
     * With {@code --config} naming a key store, its certificates and CRLs (the gateway's own too), as the
     * running gateway sees them; otherwise the certificate files the policies name.
     */
    private UpcomingSources sources(Settings settings, GatewayConfig gatewayConfig, Path workingDir) {
        if (config == null || gatewayConfig.keys().isEmpty()) {
            return UpcomingSources.policyFiles(workingDir);
        }
        return UpcomingSources.keyStore(KeyProviders.fromSpec(gatewayConfig.requireKeys(), workingDir, settings,
                System.getenv()));
    }
}
