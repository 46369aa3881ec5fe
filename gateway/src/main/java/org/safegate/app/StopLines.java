package org.safegate.app;

import org.safegate.OperatorLog;
import org.safegate.transfer.HeldFiles;
import org.slf4j.Logger;

/** What a gateway logs when it stops: the files of this run by outcome, then each file still held and why. */
final class StopLines {
    private static final Logger LOG = OperatorLog.logger("stop");

    private StopLines() {
    }

    static void log(Gateway gateway) {
        java.util.List<HeldFiles.Held> held = gateway.processor().held().all();
        RunOutcomes.Summary summary = gateway.outcomes().summary(held.size());
        OperatorLog.line("STOPPED").with("files", summary.files()).with("delivered", summary.delivered())
                .with("denied", summary.denied()).with("quarantined", summary.quarantined())
                .with("held", summary.held()).info(LOG);
        for (HeldFiles.Held file : held) {
            OperatorLog.line("STILL-HELD").with("file", file.file()).with("since", file.since())
                    .with("attempts", file.attempts()).with("reason", file.reason()).warn(LOG);
        }
    }
}
