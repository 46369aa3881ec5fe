package org.safegate.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code safegate transfers quarantined}: denied and quarantined originals not yet released. */
@Command(name = "quarantined", mixinStandardHelpOptions = true,
        description = {"List the denied and quarantined originals kept under <data>/quarantine/ and not yet released.",
            "Through the running gateway (--server, or the one running on --config's data folder), else from the data folder (operator credentials needed:"
                + " transfers:read).",
            "Exit status: 0 listed, 2 invalid input or refused, 3 failure."})
final class TransfersQuarantinedCommand extends TransferList implements Callable<Integer> {
    TransfersQuarantinedCommand(Clock clock) {
        super(clock);
    }

    @Override
    public Integer call() {
        return list("quarantined");
    }
}
