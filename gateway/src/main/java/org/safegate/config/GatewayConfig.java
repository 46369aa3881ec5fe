package org.safegate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The gateway's configuration, bound once from {@link Settings} and validated. Secrets are never
 * held here as values, only as references ({@code vault:...} or {@code env:NAME}).
 *
 * @param policies   the policy folder ({@code safegate.policies}, default {@code ./policies})
 * @param keys       where keys come from ({@code safegate.keys}, e.g. {@code file:DIR} or
 *                   {@code vault:secret/safegate}); no default: only the demo uses example keys
 * @param data       the data folder: embedded store, quarantine, working files
 *                   ({@code safegate.data}, default {@code ./data})
 * @param database   a JDBC URL for a shared PostgreSQL ({@code safegate.db.url}); empty means the
 *                   embedded SQLite store under {@code data}
 * @param dbUser     {@code safegate.db.user}
 * @param dbPassword a reference to the database password ({@code safegate.db.password}: {@code env:NAME}
 *                   or {@code vault:path#field})
 */
public record GatewayConfig(Path policies, Optional<String> keys, Path data, Optional<String> database,
                            Optional<String> dbUser, Optional<String> dbPassword) {

    public static final String POLICIES = "safegate.policies";
    public static final String KEYS = "safegate.keys";
    public static final String DATA = "safegate.data";
    public static final String DB_URL = "safegate.db.url";
    public static final String DB_USER = "safegate.db.user";
    public static final String DB_PASSWORD = "safegate.db.password";

    /** Every key Safegate reads; each may also come from the environment. */
    static final List<String> KEYS_LIST = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(POLICIES, KEYS, DATA, DB_URL, DB_USER, DB_PASSWORD, LogFormat.KEY),
            ApiSettings.KEYS.stream()).toList();

    public GatewayConfig {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        dbPassword.ifPresent(GatewayConfig::requireReference);
    }

    public static GatewayConfig from(Settings settings) {
        return new GatewayConfig(
                Path.of(settings.get(POLICIES).orElse("policies")),
                settings.get(KEYS),
                Path.of(settings.get(DATA).orElse("data")),
                settings.get(DB_URL),
                settings.get(DB_USER),
                settings.get(DB_PASSWORD));
    }

    /** The key source, or a clear error for commands that cannot work without one. */
    public String requireKeys() {
        return keys.orElseThrow(() -> new SafegateException(ErrorCode.INVALID_ARGUMENT,
                KEYS + " is not set: say where the gateway's keys are (file:DIR or vault:PATH) in the configuration"
                        + " or the SAFEGATE_KEYS environment variable"));
    }

    private static void requireReference(String value) {
        if (!value.startsWith("env:") && !value.startsWith("vault:")) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, DB_PASSWORD
                    + " must be a reference (env:NAME or vault:path#field), never the password itself");
        }
    }
}
