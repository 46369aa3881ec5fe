package org.safegate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.safegate.app.LogOutput;
import org.safegate.app.RunLock;
import org.safegate.config.ApiSettings;
import org.safegate.config.GatewayConfig;
import org.safegate.config.LogFormat;
import org.safegate.config.Settings;
import org.safegate.app.Gateway;
import org.safegate.app.GatewayRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code safegate run [--config FILE] [--once]}: runs the gateway. With {@code --once} it processes
 * everything waiting in every outbox and exits: 0 when every file reached an outcome (delivered,
 * denied or quarantined), 3 when some are held (listed on standard error, left in place); either
 * way it ends with a summary of outcomes on standard output.
 * Without {@code --once} it also serves the admin API over HTTPS ({@code safegate.api.*}); it refuses
 * to start when the API is on and its certificate or key is not configured. {@code --once} never
 * serves the API. Either refuses, with exit 4, while another gateway run holds the data folder,
 * naming its process (see {@link RunLock}).
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run the gateway: move files from outboxes to inboxes when policy permits.",
            "Exit status: 0 stopped (--once: every file reached an outcome), 2 invalid configuration, 3 failure"
                    + " (--once: files held), 4 another gateway runs on this data folder (its process is named)."})
final class RunCommand implements Callable<Integer> {
    private final Clock clock;

    RunCommand(Clock clock) {
        this.clock = clock;
    }


    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path config;

    @Option(names = "--once", description = "Drain every outbox once, then exit (0: every file reached an outcome).")
    boolean once;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --once: give up after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
        // before the gateway logs its first line
        LogOutput.use(LogFormat.from(settings));
        Path workingDir = Path.of("").toAbsolutePath();
        ApiSettings api = ApiSettings.from(settings, workingDir);
        if (!once) {
            api.requireTls();
        }
        // before the store is opened: a second run must not touch what the first one works on
        RunLock.requireFree(workingDir.resolve(GatewayConfig.from(settings).data()));
        try (Gateway gateway = Gateway.open(settings, System.getenv(), workingDir, clock)) {
            GatewayRunner runner = new GatewayRunner(gateway, once ? null : api);
            if (!once) {
                runner.runForever();
                return ExitCodes.OK;
            }
            List<Path> held = runner.runOnce(Duration.ofSeconds(timeoutSeconds));
            gateway.deliverRecallNotices(); // notices left pending, or held, since the last run
            gateway.dropCheckpoints(); // the agencies witness what this run recorded
            held.forEach(file -> spec.commandLine().getErr().println("held: " + file + ": "
                    + gateway.processor().held().current().get(file)));
            spec.commandLine().getOut().println("safegate: " + gateway.outcomes().summary(held.size()).text());
            return held.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
