package org.safegate.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.safegate.policy.UpcomingChange;
import org.safegate.policy.UpcomingWindow;

/** The human form of {@code policy check --within}: what stops being current, by day. */
final class UpcomingTable {
    private final PrintWriter out;

    UpcomingTable(PrintWriter out) {
        this.out = out;
    }

    void print(LocalDate day, UpcomingWindow within, List<UpcomingChange> upcoming) {
        out.println();
        LocalDate until = within.until(day);
        if (upcoming.isEmpty()) {
            out.println("Nothing stops being current after " + day + " until " + until + ".");
            return;
        }
        out.println("Stops being current after " + day + " until " + until + " (" + upcoming.size() + "):");
        TextTable table = new TextTable("DAY", "IN", "AGENCY", "AGREEMENT", "WHAT", "DETAIL");
        for (UpcomingChange change : upcoming) {
            table.row(change.day().toString(), ChronoUnit.DAYS.between(day, change.day()) + "d", change.subject(),
                    change.agreement().orElse(""), change.kind().name(), change.what());
        }
        table.print(out);
    }
}
