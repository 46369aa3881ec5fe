package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.tlog.InclusionProof;
import org.safegate.tlog.MerkleProofs;
import org.safegate.tlog.ProofCheck;
import org.safegate.tlog.SignedNote;
import org.safegate.tlog.TreeHashes;
import org.safegate.tlog.TreeHead;

/**
 * Inclusion proofs from the store: that a transfer's event is in the tree the latest signed
 * checkpoint covers. The proof is checked before it is handed out, so a store whose tree no
 * longer leads to its own checkpoint says so instead of giving a proof that fails elsewhere.
 */
public final class AuditProofs {
    private final Database database;

    public AuditProofs(Database database) {
        this.database = database;
    }

    /** The proof for the transfer's last event (its outcome) against the latest checkpoint. */
    public InclusionProof prove(String transferId) {
        return prove(transferId, null);
    }

    /**
     * The proof for the transfer's last event of this type (a certificate of disposal proves its
     * item's {@code DISPOSAL_CERTIFIED}, whatever came after it); {@code type} null: of any type.
     */
    public InclusionProof prove(String transferId, AuditEventType type) {
        try (Connection connection = database.connection()) {
            AuditEvent event = lastEvent(connection, transferId, type);
            Latest latest = latest(connection);
            if (latest == null || latest.size < event.sequence()) {
                throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "event " + event.sequence()
                        + " is not covered by a signed checkpoint; run 'safegate audit verify'");
            }
            byte[] canonical = CanonicalEncoding.encode(event);
            byte[] leaf = TreeHashes.leaf(canonical);
            List<byte[]> path = new MerkleProofs(new StoreSubtrees(connection, database.dialect(),
                    ArchiveRecord.latest(database).map(ArchiveRecord::tree).orElse(null)))
                    .inclusion(event.sequence() - 1, latest.size);
            byte[] root = TreeHead.parse(SignedNote.parse(latest.note).text()).root();
            if (!ProofCheck.inclusion(event.sequence() - 1, latest.size, leaf, path, root)) {
                throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the stored tree does not lead from event "
                        + event.sequence() + " to the signed checkpoint of " + latest.size
                        + " events: the store was changed; run 'safegate audit verify'");
            }
            return new InclusionProof(transferId, event.sequence() - 1, latest.size, TreeHashes.hex(leaf),
                    path.stream().map(TreeHashes::hex).toList(), TreeHashes.hex(root),
                    Base64.getEncoder().encodeToString(canonical), latest.note);
        } catch (SQLException e) {
            throw AuditStore.failure("prove an audit event", e);
        }
    }

    private AuditEvent lastEvent(Connection connection, String transferId, AuditEventType type) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + AuditEventRows.COLUMNS
                + " FROM audit_event WHERE seq = (SELECT MAX(seq) FROM audit_event WHERE transfer_id = ?"
                + (type == null ? "" : " AND event_type = ?") + ")")) {
            select.setString(1, transferId);
            if (type != null) {
                select.setString(2, type.name());
            }
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SafegateException(ErrorCode.NOT_FOUND, "no audit event for transfer '" + transferId
                            + "' (see 'safegate audit list --transfer ID')");
                }
                return AuditEventRows.read(rows, database.dialect());
            }
        }
    }

    private static Latest latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TreeRows.HEADS
                + " WHERE tree_size = (SELECT MAX(tree_size) FROM audit_tree_head)");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? new Latest(rows.getLong(1), rows.getString(2)) : null;
        }
    }

    private record Latest(long size, String note) {
    }
}
