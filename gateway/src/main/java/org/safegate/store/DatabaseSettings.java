package org.safegate.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.GatewayConfig;

/**
 * Where the store is: a JDBC URL, a user and a password. The password is resolved from its
 * reference only here and is never part of {@link #toString()}.
 */
public final class DatabaseSettings {
    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;

    public DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
    }

    /**
     * The store a gateway configuration names: PostgreSQL when {@code safegate.db.url} is set,
     * otherwise the embedded H2 file under {@code <data>/store/}.
     */
    public static DatabaseSettings from(GatewayConfig config, Map<String, String> environment) {
        if (config.database().isPresent()) {
            Optional<String> password = config.dbPassword().map(reference -> resolve(reference, environment));
            return new DatabaseSettings(config.database().get(), config.dbUser(), password);
        }
        return embedded(config.data());
    }

    /** The embedded H2 file store under {@code dataDir/store/}. */
    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.resolve("store").resolve("safegate").toAbsolutePath();
        // WRITE_DELAY=0 writes each commit to the file at once; Dialect.forceToDisk adds the fsync.
        // H2Housekeeping keeps the file compact (in this mode H2 does not).
        // AUTO_SERVER lets a second process (agency revoke, audit commands) use the store while a
        // gateway runs: the first opener serves the file to the others over loopback.
        // LAZY_QUERY_EXECUTION streams large results (verifying millions of events) instead of spooling them.
        // QUERY_CACHE_SIZE keeps every statement of a transfer parsed (H2's default of 8 is fewer than one
        // transfer uses, so each was parsed again every time).
        return new DatabaseSettings("jdbc:h2:file:" + file
                + ";WRITE_DELAY=0;AUTO_SERVER=TRUE;LAZY_QUERY_EXECUTION=TRUE;QUERY_CACHE_SIZE=64",
                Optional.of("sa"),
                Optional.empty());
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> user() {
        return user;
    }

    Optional<String> password() {
        return password;
    }

    public Dialect dialect() {
        return Dialect.ofUrl(jdbcUrl);
    }

    private static String resolve(String reference, Map<String, String> environment) {
        if (reference.startsWith("env:")) {
            String name = reference.substring("env:".length());
            String value = environment.get(name);
            if (value == null) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, GatewayConfig.DB_PASSWORD
                        + " refers to environment variable " + name + ", which is not set");
            }
            return value;
        }
        // vault: references are resolved by the KeyProvider once it exists; until then say so plainly.
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, GatewayConfig.DB_PASSWORD
                + " as a vault: reference is not supported yet; use env:NAME");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl.split("[;?]")[0] + ", user=" + user.orElse("-") + "]";
    }
}
