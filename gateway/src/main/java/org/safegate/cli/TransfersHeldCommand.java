package org.safegate.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code safegate transfers held}: files the running gateway holds for a retry. */
@Command(name = "held", mixinStandardHelpOptions = true,
        description = {"List the files the running gateway holds for a retry (a key, the store or an endpoint was"
                + " unavailable), with their ids for 'transfers release'.",
            "Held files live in the running gateway: this needs --server (credentials: transfers:read).",
            "Exit status: 0 listed, 2 invalid input or refused, 3 failure."})
final class TransfersHeldCommand extends TransferList implements Callable<Integer> {
    TransfersHeldCommand(Clock clock) {
        super(clock);
    }

    @Override
    public Integer call() {
        return list("held");
    }
}
