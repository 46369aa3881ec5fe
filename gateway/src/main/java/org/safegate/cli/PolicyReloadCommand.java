package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code safegate policy reload [--config FILE | --server URL]}: asks a running gateway to validate
 * its policy folder and load it now (it also reloads by itself within seconds of a change). An
 * invalid folder is not loaded and every problem is printed. Without {@code --server} the gateway
 * is the one running on the configuration's data folder, reached at its {@code safegate.api.*}.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Ask a running gateway to validate and load its policy folder now: the one given by --server,"
                + " or the one running with this configuration.",
            "Exit status: 0 loaded (or unchanged), 2 invalid (nothing changed) or refused, 3 failure."})
final class PolicyReloadCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path config;

    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
        if (!server.remote(settings)) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "policy reload acts on a running gateway, and"
                    + " none runs with " + settings.origin() + " (or it serves no admin API): start it, or give --server"
                    + " https://HOST:PORT (a gateway also reloads by itself when its policy files change)");
        }
        String answer = server.client(settings).post("/api/policy/reload", new ObjectMapper().createObjectNode());
        spec.commandLine().getOut().println(answer);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
