package org.safegate.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** Progress of a long run on a terminal; silent when output goes to a file or a pipe. */
final class Progress implements LongConsumer {
    private final PrintWriter err;
    private final String verb;
    private final boolean terminal;
    private boolean shown;

    Progress(PrintWriter err, String verb) {
        this.err = err;
        this.verb = verb;
        this.terminal = System.console() != null;
    }

    @Override
    public void accept(long count) {
        if (terminal) {
            err.print("\r" + verb + " " + count + " events...");
            err.flush();
            shown = true;
        }
    }

    void done() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
