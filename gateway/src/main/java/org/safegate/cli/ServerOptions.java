package org.safegate.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.app.RunLock;
import org.safegate.config.ApiSettings;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --server URL} and {@code --ca FILE} for the commands that can act on a running gateway
 * through its admin API, and {@code --token-file} for the operator's credentials, which never come
 * from an argument (where {@code ps} would show them): see {@link OperatorCredentials}.
 *
 * <p>With the configuration ({@link #remote(Settings)}, {@link #client(Settings)}) a command also
 * finds the gateway by itself: when a gateway runs on the configuration's data folder (it holds
 * {@code data/run.lock}) and serves its API, the command goes through
 * {@code https://<safegate.api.host>:<safegate.api.port>}, trusting {@code safegate.api.tls.cert}
 * unless {@code --ca} names another; when none runs it works on the store.
 */
final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL",
            description = "Act on a running gateway through its admin API (https://HOST:PORT) instead of its store."
                    + " Credentials: SAFEGATE_TOKEN, --token-file, or SAFEGATE_API_USER and SAFEGATE_API_PASSWORD, or a"
                    + " prompt.")
    URI server;

    @Mixin
    OperatorOptions operator = new OperatorOptions();

    @Option(names = "--ca", paramLabel = "FILE",
            description = "Trust the server's certificate if it chains to this CA certificate (PEM); default: the"
                    + " configuration's safegate.api.tls.cert, or the JDK's CAs.")
    Path ca;

    /** Whether {@code --server} was given. */
    boolean remote() {
        return server != null;
    }

    /** The client of {@code --server}, trusting {@code --ca} (or the JDK's CAs). */
    ApiClient client() {
        return ApiClient.connect(server, ca, credentials());
    }

    /**
     * Whether the command goes through an admin API: {@code --server} was given, or a gateway runs
     * on this configuration's data folder with its API on.
     */
    boolean remote(Settings settings) {
        return server != null || running(settings).isPresent();
    }

    /**
     * The client of {@code --server}, else of the gateway running on this configuration; trusting
     * {@code --ca}, else the configuration's {@code safegate.api.tls.cert}, else the JDK's CAs.
     */
    ApiClient client(Settings settings) {
        ApiSettings api = ApiSettings.from(settings, workingFolder());
        URI target = server != null ? server : running(settings).orElseThrow(() -> new SafegateException(
                ErrorCode.INVALID_ARGUMENT, "no gateway runs on the data folder of " + settings.origin()
                        + " with its admin API on: give --server https://HOST:PORT"));
        if (ca != null) {
            return ApiClient.connect(target, ca, "--ca " + ca, credentials());
        }
        if (api.certificate().isPresent()) {
            return ApiClient.connect(target, api.certificate().get(), ApiSettings.TLS_CERT + " ("
                    + api.certificate().get() + ")", credentials());
        }
        return ApiClient.connect(target, null, "the JDK's default CAs", credentials());
    }

    /** The operator's credentials for this invocation. */
    OperatorCredentials credentials() {
        return operator.credentials();
    }

    /** The API of the gateway holding this configuration's data folder, when one does and serves it. */
    static Optional<URI> running(Settings settings) {
        Path data = workingFolder().resolve(GatewayConfig.from(settings).data());
        ApiSettings api = ApiSettings.from(settings, workingFolder());
        if (!api.enabled() || RunLock.holder(data).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(URI.create("https://" + hostPart(api.host()) + ":" + api.port()));
    }

    /** A wildcard listening address is reached on the loopback; an IPv6 literal goes in brackets. */
    private static String hostPart(String host) {
        String reachable = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> host;
        };
        return reachable.contains(":") && !reachable.startsWith("[") ? "[" + reachable + "]" : reachable;
    }

    private static Path workingFolder() {
        return Path.of("").toAbsolutePath();
    }
}
