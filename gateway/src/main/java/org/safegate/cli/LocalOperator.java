package org.safegate.cli;

import org.safegate.app.Gateway;
import org.safegate.operator.OperatorLogin;
import org.safegate.operator.Power;

/**
 * The operator behind a command that changes the gateway's state through its store (without
 * {@code --server}): authenticated and authorised exactly as the admin API would, and named as the
 * actor of what it does. Credentials are resolved before the store is opened, so a command given
 * none fails without touching anything.
 */
final class LocalOperator {
    private final OperatorCredentials credentials;

    private LocalOperator(OperatorCredentials credentials) {
        this.credentials = credentials;
    }

    static LocalOperator of(ServerOptions options) {
        return new LocalOperator(options.credentials());
    }

    static LocalOperator of(OperatorOptions options) {
        return new LocalOperator(options.credentials());
    }

    /** The operator's id, once their roles are found to hold {@code power} (a refusal is audited and thrown). */
    String require(Gateway gateway, Power power, String command, String object) {
        return require(new OperatorLogin(gateway.policies(), gateway.apiTokens(), gateway.auditLog()), power, command,
                object);
    }

    /** As {@link #require(Gateway, Power, String, String)}, for a command that opens only the store. */
    String require(OperatorLogin login, Power power, String command, String object) {
        String origin = "command line (" + command + ", account " + System.getProperty("user.name") + ")";
        return login.require(credentials.shiroToken(), power, origin, object);
    }
}
