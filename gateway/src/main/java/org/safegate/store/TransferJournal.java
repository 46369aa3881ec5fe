package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The durable record of each file in flight, so that a gateway killed at any moment delivers every
 * file exactly once when it comes back: the file is recognised by its place, size and modification
 * time in the outbox, and the journal says how far it got.
 */
public final class TransferJournal {

    /**
     * How far a transfer got. SEALING: sealing began, under the name it will be published as
     * (whether it was sealed complete is told by the delivery's audit event, the next step);
     * DELIVERED: published. REFUSING: a denial or quarantine was decided and journaled with its
     * reasons; it is finished (audit, reason file, receipt, original moved) before the row is done.
     * A done transfer's row is removed: the journal holds only transfers in flight, which keeps
     * each of its commits small (its history is in the audit log).
     */
    public enum State { SEALING, DELIVERED, REFUSING }

    /** One journal row. */
    public record Entry(String transferId, String sender, String sourcePath, long sourceSize, long sourceModified,
                        String agreement, String recipient, String payloadSha256, State state,
                        Optional<String> deliveredAs) {
        public Entry {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(deliveredAs, "deliveredAs");
        }
    }

    private final Database database;
    private final Clock clock;
    private final WaitingDoneSteps doneLater;
    private final JournalQueries queries;

    public TransferJournal(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.doneLater = new WaitingDoneSteps();
        this.queries = new JournalQueries(database);
    }

    /**
     * Refuses a journal with transfers in flight in a state this version does not resume (an
     * earlier snapshot's SEALED: sealed, not yet audited): they are finished by the version that
     * began them. Nothing is changed.
     */
    public void requireRowsOfThisVersion() {
        List<String> earlier = queries.notIn(List.of(State.values()));
        if (!earlier.isEmpty()) {
            throw new SafegateException(ErrorCode.JOURNAL_OF_EARLIER_VERSION, "the transfer journal holds "
                    + earlier.size() + " transfer(s) in flight that an earlier version journaled in a state this"
                    + " version does not resume: " + String.join(", ", earlier) + ". Finish them with the version"
                    + " that began them (safegate run --once), then start this one; nothing was changed");
        }
    }

    /** The unfinished transfer of this very file, if a previous run started one (the newest, if several). */
    public Optional<Entry> unfinished(String sender, String sourcePath, long size, long modified) {
        return unfinishedRows(sender, sourcePath, size, modified).stream().findFirst();
    }

    /**
     * Every row of this very file that is not DONE, newest first: a DELIVERED row whose DONE step
     * was lost with a stopped run may sit beside the row of a later transfer of an identical file.
     */
    public List<Entry> unfinishedRows(String sender, String sourcePath, long size, long modified) {
        return queries.unfinishedRows(sender, sourcePath, size, modified);
    }

    /** Whether the transfer has a row: it is in flight (a finished transfer's row is removed). */
    public boolean inFlight(String transferId) {
        return queries.journaled(transferId);
    }

    /** How many transfers are in flight on this store (the node registry's heartbeat reports it). */
    public int inFlightCount() {
        return queries.count();
    }

    /**
     * Every row in one of these states whose source is journaled by its path (not by the digest of
     * a long one), oldest first: for sweeping what a stopped run left behind.
     */
    public List<Entry> inState(State first, State... more) {
        return queries.inState(first, more);
    }

    /**
     * Records that sealing begins, before anything is written to the recipient's folder, so that a
     * run killed while sealing finds its partial copy again (by transfer id) instead of leaving it
     * behind. Beginning a transfer that is already journaled changes nothing.
     */
    public void begin(Entry entry) {
        begin(entry, null);
    }

    /**
     * Records that sealing begins and the name the sealed copy will be published under, in one
     * step. Beginning again a transfer still SEALING (sealing was interrupted before its delivery
     * was audited) journals the name chosen now.
     */
    public void begin(Entry entry, String deliveredAs) {
        String insert = "INSERT INTO transfer_journal (transfer_id, sender, source_path, source_size, source_modified,"
                + " agreement, recipient, payload_sha256, state, delivered_as, updated_at)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'SEALING', ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM transfer_journal WHERE transfer_id = ?)";
        // a row still SEALING was not audited (the caller found no event): its name is chosen again,
        // as another file may have taken it while this one was held
        String name = "UPDATE transfer_journal SET delivered_as = ? WHERE transfer_id = ? AND state = 'SEALING'";
        write("journal transfer " + entry.transferId(), c -> {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setString(1, entry.transferId());
                s.setString(2, entry.sender());
                s.setString(3, SourceKey.of(entry.sourcePath()));
                s.setLong(4, entry.sourceSize());
                s.setLong(5, entry.sourceModified());
                s.setString(6, entry.agreement());
                s.setString(7, entry.recipient());
                s.setString(8, entry.payloadSha256());
                s.setString(9, deliveredAs);
                s.setLong(10, clock.millis());
                s.setString(11, entry.transferId());
                if (s.executeUpdate() == 1 || deliveredAs == null) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(name)) {
                s.setString(1, deliveredAs);
                s.setString(2, entry.transferId());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Records that the transfer is published; forced to disk, since its temporary copies go and its original is archived next. */
    public void delivered(String transferId, String deliveredAs) {
        write("journal transfer " + transferId, true, c -> {
            update(c, transferId, State.DELIVERED, deliveredAs);
            return null;
        });
    }

    /**
     * Records that the transfer is published and, in the same transaction, its payload as
     * delivered (for recognising a redisclosure later): one commit instead of two.
     */
    public void delivered(String transferId, String deliveredAs, DeliveredPayloads.Delivered payload) {
        // forced to disk: the original is archived next, after which nothing would find this step again
        write("journal transfer " + transferId, true, c -> {
            update(c, transferId, State.DELIVERED, deliveredAs);
            DeliveredPayloads.record(c, payload.sha256(), payload.recipient(), transferId, payload.agreement(),
                    payload.at());
            return null;
        });
    }

    /** Records that the transfer is finished, by removing its row; finishing it again changes nothing. */
    public void done(String transferId) {
        write("journal transfer " + transferId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM transfer_journal WHERE transfer_id = ?")) {
                s.setString(1, transferId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records that a delivered transfer is done (its original archived) with the next journal
     * step of any transfer, saving a commit of its own. Until then the row stays DELIVERED, which
     * a run that stops meanwhile leaves for good: such a transfer is recognised as finished by its
     * archived original (see {@code Delivery#unfinished}).
     */
    public void doneWithNextStep(String transferId) {
        doneLater.add(transferId);
    }

    /** Writes the DONE steps still waiting for a next step (when the gateway stops). */
    public void finishWaiting() {
        if (!doneLater.isEmpty()) {
            write("journal finished transfers", c -> null);
        }
    }

    /**
     * Records that the transfer is refused (denied or quarantined), with what its refusal says,
     * before anything of the refusal is done. A transfer already journaled (stopped after sealing,
     * then denied) becomes a refusal under the same transfer id.
     */
    public void refusing(Entry entry, String refusal) {
        String update = "UPDATE transfer_journal SET state = 'REFUSING', refusal = ?, updated_at = ? WHERE transfer_id = ?";
        String insert = "INSERT INTO transfer_journal (transfer_id, sender, source_path, source_size, source_modified,"
                + " agreement, recipient, payload_sha256, state, delivered_as, updated_at, refusal)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REFUSING', NULL, ?, ?)";
        write("journal the refusal of transfer " + entry.transferId(), c -> {
            try (PreparedStatement s = c.prepareStatement(update)) {
                s.setString(1, refusal);
                s.setLong(2, clock.millis());
                s.setString(3, entry.transferId());
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setString(1, entry.transferId());
                s.setString(2, entry.sender());
                s.setString(3, SourceKey.of(entry.sourcePath()));
                s.setLong(4, entry.sourceSize());
                s.setLong(5, entry.sourceModified());
                s.setString(6, entry.agreement());
                s.setString(7, entry.recipient());
                s.setString(8, entry.payloadSha256());
                s.setLong(9, clock.millis());
                s.setString(10, refusal);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What {@link #refusing} recorded for the transfer. */
    public Optional<String> refusal(String transferId) {
        return queries.refusal(transferId);
    }

    private void update(String transferId, State state, String deliveredAs) {
        write("journal transfer " + transferId, c -> {
            update(c, transferId, state, deliveredAs);
            return null;
        });
    }

    /**
     * Journal steps commit together with other lanes' steps (one commit for many small writes) and
     * carry the DONE steps waiting for a next step.
     */
    private void write(String what, GroupCommit.Write<?> step) {
        write(what, false, step);
    }

    private void write(String what, boolean durable, GroupCommit.Write<?> step) {
        List<String> done = doneLater.take();
        try {
            GroupCommit.Write<?> withDone = c -> {
                doneLater.write(c, done);
                return step.run(c);
            };
            if (durable) {
                database.writeTogetherDurably(withDone);
            } else {
                database.writeTogether(withDone);
            }
        } catch (SQLException | RuntimeException e) {
            // they wait for the next step again
            doneLater.putBack(done);
            if (e instanceof SQLException sql) {
                throw failure(what, sql);
            }
            throw (RuntimeException) e;
        }
    }

    private void update(Connection c, String transferId, State state, String deliveredAs) throws SQLException {
        String sql = "UPDATE transfer_journal SET state = ?, delivered_as = COALESCE(?, delivered_as), updated_at = ?"
                + " WHERE transfer_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, state.name());
            s.setString(2, deliveredAs);
            s.setLong(3, clock.millis());
            s.setString(4, transferId);
            if (s.executeUpdate() != 1) {
                throw new SafegateException(ErrorCode.STORE_FAILURE, "transfer " + transferId + " is not in the journal");
            }
        }
    }

    static SafegateException failure(String what, SQLException e) {
        return new SafegateException(ErrorCode.STORE_FAILURE, "cannot " + what + ": " + e.getMessage(), e);
    }
}
