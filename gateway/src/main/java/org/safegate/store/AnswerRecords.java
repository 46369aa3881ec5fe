package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which delivered answer file carried the answers to which request ({@code answer_record}): what a
 * recall by request id resolves. While an answer file is filtered its released records are staged
 * in batches ({@link Staging}); the delivery's audit event moves them into {@code answer_record} in
 * its own transaction ({@link #delivering}), so a row exists exactly when the log shows the delivery.
 * Filtering the same transfer again (a held file retried, a sealing resumed) drops what it staged
 * before, so the rows moved are those of the content sealed.
 */
public final class AnswerRecords {
    private static final int BATCH = 5_000;

    private final Database database;

    /** One released answer: the answer file's delivery that carried it, and the record's line in it. */
    public record Answer(String transferId, String agreement, long line) {
    }

    public AnswerRecords(Database database) {
        this.database = database;
    }

    /** Starts staging the released records of an answer file, dropping what an earlier attempt staged. */
    public Staging stage(String transferId, String agreement) {
        dropStaged(transferId);
        return new Staging(transferId, agreement);
    }

    /** Drops the staged records of a transfer that will not be delivered from them. */
    public void dropStaged(String transferId) {
        inTransaction("drop the staged answer records of transfer " + transferId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM answer_record_staging WHERE transfer_id = ?")) {
                s.setString(1, transferId);
                s.executeUpdate();
            }
        });
    }

    /**
     * The staged records of the transfer made delivered answer records, for the transaction of its
     * delivery's audit event. Nothing staged (any other file) moves nothing.
     */
    public static StoreWrite delivering(String transferId) {
        return c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO answer_record (transfer_id, agreement,"
                    + " request_id, line, source_line) SELECT transfer_id, agreement, request_id, line, source_line"
                    + " FROM answer_record_staging WHERE transfer_id = ? ORDER BY line")) {
                s.setString(1, transferId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM answer_record_staging WHERE transfer_id = ?")) {
                s.setString(1, transferId);
                s.executeUpdate();
            }
        };
    }

    /** The delivered answers to the request, under the agreement if one is given; by transfer, then line. */
    public List<Answer> answersTo(String requestId, Optional<String> agreement) {
        String sql = "SELECT transfer_id, agreement, line FROM answer_record WHERE request_id = ?"
                + (agreement.isPresent() ? " AND agreement = ?" : "") + " ORDER BY transfer_id, line";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, requestId);
            if (agreement.isPresent()) {
                s.setString(2, agreement.get());
            }
            List<Answer> answers = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    answers.add(new Answer(r.getString(1), r.getString(2), r.getLong(3)));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw TransferJournal.failure("look up the answers to request " + requestId, e);
        }
    }

    /** The records of one answer file as it is filtered, staged in batches of {@value #BATCH} (bounded memory). */
    public final class Staging {
        private final String transferId;
        private final String agreement;
        private final List<Row> pending = new ArrayList<>();

        private Staging(String transferId, String agreement) {
            this.transferId = transferId;
            this.agreement = agreement;
        }

        /** A released record: its request, its line in the data holder's file and in the file delivered. */
        public void add(String requestId, long sourceLine, long line) {
            pending.add(new Row(requestId, sourceLine, line));
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        /** Stages what is pending; the rows stay invisible to recalls until the delivery is audited. */
        public void flush() {
            if (pending.isEmpty()) {
                return;
            }
            inTransaction("stage the answer records of transfer " + transferId, c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO answer_record_staging (transfer_id,"
                        + " agreement, request_id, line, source_line) VALUES (?, ?, ?, ?, ?)")) {
                    for (Row row : pending) {
                        s.setString(1, transferId);
                        s.setString(2, agreement);
                        s.setString(3, row.requestId());
                        s.setLong(4, row.line());
                        s.setLong(5, row.sourceLine());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
            pending.clear();
        }
    }

    private record Row(String requestId, long sourceLine, long line) {
    }

    private interface Step {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, Step step) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                step.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw TransferJournal.failure(what, e);
        }
    }
}
