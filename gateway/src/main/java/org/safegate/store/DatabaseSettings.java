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
    /** The embedded store's file name under {@code <data>/store/}. */
    public static final String EMBEDDED_FILE = "safegate.db";

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
     * otherwise the embedded SQLite file under {@code <data>/store/}.
     */
    public static DatabaseSettings from(GatewayConfig config, Map<String, String> environment) {
        if (config.database().isPresent()) {
            Optional<String> password = config.dbPassword().map(reference -> resolve(reference, environment));
            return new DatabaseSettings(config.database().get(), config.dbUser(), password);
        }
        return embedded(config.data());
    }

    /**
     * The embedded store: one SQLite file, {@code dataDir/store/safegate.db}. It opens no network
     * listener; a second process (the command line beside a running gateway) shares it through
     * the file system's locks.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.resolve("store").resolve(EMBEDDED_FILE).toAbsolutePath();
        return new DatabaseSettings("jdbc:sqlite:" + file, Optional.empty(), Optional.empty());
    }

    /** The embedded store's file, when this is the embedded store. */
    public Optional<Path> embeddedFile() {
        return dialect() == Dialect.SQLITE ? Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))
                : Optional.empty();
    }

    /** Where the store is, for messages: the embedded store's file, or the JDBC URL without its parameters. */
    public String place() {
        return embeddedFile().map(Path::toString).orElseGet(() -> jdbcUrl.split("[;?]")[0]);
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
