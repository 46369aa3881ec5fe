package org.safegate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * Where and how the admin API listens, bound once from the configuration. The API never serves
 * plain HTTP: with a port other than 0 it needs a certificate and a key (PEM).
 *
 * @param host          {@code safegate.api.host} (default 127.0.0.1)
 * @param port          {@code safegate.api.port} (default 8443; 0 turns the API off)
 * @param certificate   {@code safegate.api.tls.cert}: the server certificate, then its chain (PEM)
 * @param key           {@code safegate.api.tls.key}: its private key (PEM, unencrypted PKCS#8)
 * @param maxBodyBytes  {@code safegate.api.max-body-bytes}: larger request bodies get 413 (default 64 KiB)
 * @param login         how failed logins are throttled and how many are checked at once
 * @param tokenLifetime {@code safegate.api.token-lifetime}: how long an API token lives at most,
 *                      from when the gateway first saw it (ISO-8601, default P90D)
 */
public record ApiSettings(String host, int port, Optional<Path> certificate, Optional<Path> key, long maxBodyBytes,
                          Login login, Duration tokenLifetime) {
    /**
     * Login throttling: failures are counted per client address, and per operator id from one
     * address; an id is never locked out for everyone.
     *
     * @param maxFailures        {@code safegate.api.login.max-failures}: failed logins for one operator id
     *                           from one address before that address may not try the id for a while (default 5)
     * @param maxAddressFailures {@code safegate.api.login.max-failures-per-address}: the same for one client
     *                           address, whatever the ids tried (default 20)
     * @param lockout            {@code safegate.api.login.lockout-seconds}: the period failures count within,
     *                           and the first lockout (default 300); each following one doubles
     * @param maxLockout         {@code safegate.api.login.max-lockout-seconds}: the ceiling of the doubling
     *                           (default 86400)
     * @param concurrentChecks   {@code safegate.api.login.max-concurrent-checks}: passwords and tokens checked
     *                           at once, each an argon2id hash of 64 MiB (default 2); more get 503
     */
    public record Login(int maxFailures, int maxAddressFailures, Duration lockout, Duration maxLockout,
                        int concurrentChecks) {
    }

    public static final String HOST = "safegate.api.host";
    public static final String PORT = "safegate.api.port";
    public static final String TLS_CERT = "safegate.api.tls.cert";
    public static final String TLS_KEY = "safegate.api.tls.key";
    public static final String MAX_BODY = "safegate.api.max-body-bytes";
    public static final String MAX_FAILURES = "safegate.api.login.max-failures";
    public static final String MAX_ADDRESS_FAILURES = "safegate.api.login.max-failures-per-address";
    public static final String LOCKOUT = "safegate.api.login.lockout-seconds";
    public static final String MAX_LOCKOUT = "safegate.api.login.max-lockout-seconds";
    public static final String CONCURRENT_CHECKS = "safegate.api.login.max-concurrent-checks";
    public static final String TOKEN_LIFETIME = "safegate.api.token-lifetime";
    /** The longest a token may be given: five years. */
    private static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofDays(5 * 365);

    public static ApiSettings from(Settings settings, Path workingDir) {
        return new ApiSettings(settings.get(HOST).orElse("127.0.0.1"),
                number(settings, PORT, 8443, 0, 65535),
                settings.path(TLS_CERT).map(workingDir::resolve),
                settings.path(TLS_KEY).map(workingDir::resolve),
                number(settings, MAX_BODY, 64 * 1024, 1024, 16 * 1024 * 1024),
                login(settings), tokenLifetime(settings));
    }

    private static Login login(Settings settings) {
        int lockout = number(settings, LOCKOUT, 300, 1, 86_400);
        int maxLockout = number(settings, MAX_LOCKOUT, 86_400, 1, 30 * 86_400);
        if (maxLockout < lockout) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, MAX_LOCKOUT + " (" + maxLockout
                    + ") must be at least " + LOCKOUT + " (" + lockout + ")");
        }
        return new Login(number(settings, MAX_FAILURES, 5, 1, 1000), number(settings, MAX_ADDRESS_FAILURES, 20, 1,
                100_000), Duration.ofSeconds(lockout), Duration.ofSeconds(maxLockout),
                number(settings, CONCURRENT_CHECKS, 2, 1, 64));
    }

    /** {@code safegate.api.token-lifetime}, also read by {@code safegate operator new-token}. */
    public static Duration tokenLifetime(Settings settings) {
        Optional<String> text = settings.get(TOKEN_LIFETIME).map(String::strip);
        if (text.isEmpty()) {
            return Duration.ofDays(90);
        }
        try {
            Duration lifetime = Duration.parse(text.get());
            if (!lifetime.isNegative() && lifetime.compareTo(Duration.ofMinutes(1)) >= 0
                    && lifetime.compareTo(LONGEST_TOKEN_LIFETIME) <= 0) {
                return lifetime;
            }
        } catch (java.time.format.DateTimeParseException notADuration) {
            // reported below with the accepted form
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, TOKEN_LIFETIME + " must be an ISO-8601 duration from"
                + " PT1M to P" + LONGEST_TOKEN_LIFETIME.toDays() + "D (e.g. P90D), not '" + text.get() + "'");
    }

    public boolean enabled() {
        return port != 0;
    }

    /** The certificate and key, or a clear error naming the keys to set: there is no plain-HTTP fallback. */
    public void requireTls() {
        if (enabled() && (certificate.isEmpty() || key.isEmpty())) {
            throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "the admin API serves HTTPS only and "
                    + (certificate.isEmpty() ? TLS_CERT : TLS_KEY) + " is not set: set " + TLS_CERT + " and " + TLS_KEY
                    + " (PEM files), or " + PORT + "=0 to run without the API");
        }
    }

    private static int number(Settings settings, String key, int fallback, int min, int max) {
        Optional<String> text = settings.get(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw new SafegateException(ErrorCode.INVALID_ARGUMENT, key + " must be a whole number from " + min + " to "
                + max + ", not '" + text.get() + "'");
    }
}
