package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.Revocation;
import org.safegate.policy.Revocations;

/**
 * Revocations kept in the store, so they survive restarts and every gateway node sharing the
 * database sees them. Read on every decision (no cache), so a revocation made by another process
 * applies to the very next file. A store that cannot be read counts as a failure, never as
 * "not revoked": the caller holds the transfer.
 */
public final class StoredRevocations implements Revocations {
    private final Database database;

    public StoredRevocations(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Revocation> inForce(String agency) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT revoked_at, revoked_by, reason FROM revocation WHERE agency = ?")) {
            s.setString(1, agency);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Revocation(agency, Instant.ofEpochMilli(r.getLong(1)), r.getString(2),
                        r.getString(3)));
            }
        } catch (SQLException e) {
            throw failure("read the revocation of " + agency, e);
        }
    }

    @Override
    public void revoke(Revocation revocation) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM revocation WHERE agency = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO revocation (agency, revoked_at, revoked_by, reason) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, revocation.agency());
                delete.executeUpdate();
                insert.setString(1, revocation.agency());
                insert.setLong(2, revocation.at().toEpochMilli());
                insert.setString(3, revocation.by());
                insert.setString(4, revocation.reason());
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("revoke " + revocation.agency(), e);
        }
    }

    @Override
    public boolean reinstate(String agency) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM revocation WHERE agency = ?")) {
            s.setString(1, agency);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("reinstate " + agency, e);
        }
    }

    private static SafegateException failure(String what, SQLException e) {
        return new SafegateException(ErrorCode.STORE_FAILURE, "cannot " + what + ": " + e.getMessage(), e);
    }
}
