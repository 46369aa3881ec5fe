package org.safegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code safegate policy reload --server URL}: asks a running gateway to validate its policy folder
 * and load it now (it also reloads by itself within seconds of a change). An invalid folder is not
 * loaded and every problem is printed.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Ask a running gateway to validate and load its policy folder now.",
            "Exit status: 0 loaded (or unchanged), 2 invalid (nothing changed) or refused, 3 failure."})
final class PolicyReloadCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!server.remote()) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "policy reload acts on a running gateway: give"
                    + " --server https://HOST:PORT (a gateway also reloads by itself when its policy files change)");
        }
        String answer = server.client().post("/api/policy/reload", new ObjectMapper().createObjectNode());
        spec.commandLine().getOut().println(answer);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
