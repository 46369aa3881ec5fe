package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.AgreementRevocation;
import org.safegate.policy.Revocation;
import org.safegate.policy.Revocations;

/**
 * Revocations kept in the store, so they survive restarts and every gateway node sharing the
 * database sees them: whole agencies ({@code revocation}) and single agreements
 * ({@code agreement_revocation}). Read on every decision (no cache), so a revocation made by
 * another process applies to the very next file. A store that cannot be read counts as a failure,
 * never as "not revoked": the caller holds the transfer.
 */
public final class StoredRevocations implements Revocations {
    private static final Table AGENCIES = new Table("revocation", "agency");
    private static final Table AGREEMENTS = new Table("agreement_revocation", "agreement");

    /** A revocation table: its name and the column of the revoked id. */
    private record Table(String name, String key) {
    }

    /** One row, whatever was revoked. */
    private record Row(String id, Instant at, String by, String reason, Optional<String> notice) {
    }

    private final Database database;

    public StoredRevocations(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Revocation> inForce(String agency) {
        return read(AGENCIES, agency).map(r -> new Revocation(r.id(), r.at(), r.by(), r.reason(), r.notice()));
    }

    @Override
    public void revoke(Revocation revocation) {
        write(AGENCIES, new Row(revocation.agency(), revocation.at(), revocation.by(), revocation.reason(),
                revocation.notice()));
    }

    @Override
    public boolean reinstate(String agency) {
        return delete(AGENCIES, agency);
    }

    @Override
    public Optional<AgreementRevocation> agreementInForce(String agreement) {
        return read(AGREEMENTS, agreement).map(r -> new AgreementRevocation(r.id(), r.at(), r.by(), r.reason(),
                r.notice()));
    }

    @Override
    public void revokeAgreement(AgreementRevocation revocation) {
        write(AGREEMENTS, new Row(revocation.agreement(), revocation.at(), revocation.by(), revocation.reason(),
                revocation.notice()));
    }

    @Override
    public boolean reinstateAgreement(String agreement) {
        return delete(AGREEMENTS, agreement);
    }

    private Optional<Row> read(Table table, String id) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT revoked_at, revoked_by, reason, notice FROM " + table.name()
                     + " WHERE " + table.key() + " = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(id, Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                        Optional.ofNullable(r.getString(4))));
            }
        } catch (SQLException e) {
            throw failure("read the revocation of " + id, e);
        }
    }

    private void write(Table table, Row row) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                         "DELETE FROM " + table.name() + " WHERE " + table.key() + " = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table.name() + " (" + table.key()
                         + ", revoked_at, revoked_by, reason, notice) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, row.id());
                delete.executeUpdate();
                insert.setString(1, row.id());
                insert.setLong(2, row.at().toEpochMilli());
                insert.setString(3, row.by());
                insert.setString(4, row.reason());
                insert.setString(5, row.notice().orElse(null));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("revoke " + row.id(), e);
        }
    }

    private boolean delete(Table table, String id) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM " + table.name() + " WHERE " + table.key() + " = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("reinstate " + id, e);
        }
    }

    private static SafegateException failure(String what, SQLException e) {
        return new SafegateException(ErrorCode.STORE_FAILURE, "cannot " + what + ": " + e.getMessage(), e);
    }
}
