package org.safegate.recall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;

/**
 * Whether data was recalled: a file whose payload digest is that of any recall item is denied
 * {@code DATA_RECALLED}, whoever sends it. Every item counts, open, certified or closed: disposing
 * of a copy, or an officer closing an item, does not make the data fit to send again.
 */
public final class RecalledPayloads {
    private static final String PREFIX = "sha256:";

    private final Database database;

    public RecalledPayloads(Database database) {
        this.database = database;
    }

    /**
     * The first recall (by issue time) with an item of this payload; {@code sha256} is the
     * hexadecimal digest as transfers carry it (recall items store it as the log does, {@code sha256:<hex>}).
     */
    public Optional<String> recallOf(String sha256) {
        String sql = "SELECT i.recall_id FROM recall_item i JOIN recall r ON r.recall_id = i.recall_id"
                // payload_sha256 is indexed (V12): every decided file asks
                + " WHERE i.payload_sha256 = ? ORDER BY r.issued_at, i.recall_id LIMIT 1";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, sha256.startsWith(PREFIX) ? sha256 : PREFIX + sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            // fail closed: the caller holds the file rather than send data it could not check
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot look up recalled data: " + e.getMessage(), e);
        }
    }
}
