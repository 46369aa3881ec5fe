package org.safegate.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --server URL} and {@code --ca FILE} for the commands that can act on a running gateway
 * through its admin API, and {@code --token-file} for the operator's credentials, which never come
 * from an argument (where {@code ps} would show them): see {@link OperatorCredentials}.
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
            description = "With --server: trust the server's certificate if it chains to this CA certificate (PEM).")
    Path ca;

    boolean remote() {
        return server != null;
    }

    ApiClient client() {
        return ApiClient.connect(server, ca, credentials());
    }

    /** The operator's credentials for this invocation. */
    OperatorCredentials credentials() {
        return operator.credentials();
    }
}
