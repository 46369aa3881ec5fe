package org.safegate.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --token-file} for commands that act as an operator; see {@link OperatorCredentials} for the other sources. */
final class OperatorOptions {
    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The operator's API token, in a file readable by its owner only (or SAFEGATE_TOKEN_FILE);"
                    + " else SAFEGATE_TOKEN, or SAFEGATE_API_USER and SAFEGATE_API_PASSWORD, or a prompt.")
    Path tokenFile;

    /** The operator's credentials for this invocation. */
    OperatorCredentials credentials() {
        return OperatorCredentials.resolve(System.getenv(), Optional.ofNullable(tokenFile), System.console());
    }
}
