package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The store's record of API tokens ({@code api_token}): when the gateway first saw each one and
 * its revocation, by a digest of the token's hash. Read on every use of a token (no cache), so a
 * revocation made through any node applies to the very next request. A store that cannot be read
 * is a failure, never "not revoked".
 */
public final class StoredApiTokens {
    /** What the store knows of one token. */
    public record Token(String digest, String operator, String name, Instant firstSeen,
                        Optional<Revocation> revocation) {
        public Token {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(revocation, "revocation");
        }
    }

    /** Who revoked a token, when and why. */
    public record Revocation(Instant at, String by, String reason) {
    }

    private final Database database;

    public StoredApiTokens(Database database) {
        this.database = database;
    }

    public Optional<Token> find(String digest) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT operator, token_name, first_seen, revoked_at, revoked_by,"
                     + " revoke_reason FROM api_token WHERE hash_digest = ?")) {
            s.setString(1, digest);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long revokedAt = r.getLong(4);
                Optional<Revocation> revocation = r.wasNull() ? Optional.empty()
                        : Optional.of(new Revocation(Instant.ofEpochMilli(revokedAt), r.getString(5), r.getString(6)));
                return Optional.of(new Token(digest, r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                        revocation));
            }
        } catch (SQLException e) {
            throw failure("read API token " + digest, e);
        }
    }

    /**
     * Records a token seen for the first time; false when the store already knew it (another node,
     * or another request, was first).
     */
    public boolean add(String digest, String operator, String name, Instant firstSeen) {
        String sql = "INSERT INTO api_token (hash_digest, operator, token_name, first_seen)"
                + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM api_token WHERE hash_digest = ?)";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, digest);
            s.setString(2, operator);
            s.setString(3, name);
            s.setLong(4, firstSeen.toEpochMilli());
            s.setString(5, digest);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            // two nodes adding the same token at once: the loser's insert breaks the primary key
            if (find(digest).isPresent()) {
                return false;
            }
            throw failure("record API token " + operator + "." + name, e);
        }
    }

    /** Forgets a token just added (its addition could not be audited), so it is added again next time. */
    public void remove(String digest) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM api_token WHERE hash_digest = ? AND revoked_at IS NULL")) {
            s.setString(1, digest);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove API token " + digest, e);
        }
    }

    /**
     * Revokes a token the store knows (see {@link #add}); false when it was revoked already, and
     * the first revocation stands.
     */
    public boolean revoke(String digest, Revocation revocation) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("UPDATE api_token SET revoked_at = ?, revoked_by = ?,"
                     + " revoke_reason = ? WHERE hash_digest = ? AND revoked_at IS NULL")) {
            s.setLong(1, revocation.at().toEpochMilli());
            s.setString(2, revocation.by());
            s.setString(3, revocation.reason());
            s.setString(4, digest);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("revoke API token " + digest, e);
        }
    }

    private static SafegateException failure(String what, SQLException e) {
        return new SafegateException(ErrorCode.STORE_FAILURE, "cannot " + what + ": " + e.getMessage(), e);
    }
}
