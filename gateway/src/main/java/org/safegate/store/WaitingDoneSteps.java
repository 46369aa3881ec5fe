package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * DONE steps of delivered transfers that wait for the next journal step of any transfer, to be
 * written in its transaction instead of a commit of their own (a done row is removed). A stopped
 * run loses those still waiting; their rows stay DELIVERED, which the archived original makes
 * harmless.
 */
final class WaitingDoneSteps {
    private final Queue<String> waiting = new ConcurrentLinkedQueue<>();
    void add(String transferId) {
        waiting.add(Objects.requireNonNull(transferId, "transferId"));
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Takes what waits now, to go with one step. */
    List<String> take() {
        List<String> taken = new ArrayList<>();
        for (String id; (id = waiting.poll()) != null; ) {
            taken.add(id);
        }
        return taken;
    }

    /** Puts back what a step that failed had taken: it waits for the next one. */
    void putBack(List<String> taken) {
        waiting.addAll(taken);
    }

    /** Writes the taken DONE steps inside the caller's transaction. */
    void write(Connection c, List<String> taken) throws SQLException {
        if (taken.isEmpty()) {
            return;
        }
        // a done transfer's row goes (see TransferJournal.State)
        String sql = "DELETE FROM transfer_journal WHERE transfer_id = ? AND state = 'DELIVERED'";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String transferId : taken) {
                s.setString(1, transferId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
