package org.safegate.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.TreeHeadSigner;
import org.safegate.audit.AuditSettings;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;
import org.safegate.keys.KeyProviders;
import org.safegate.keys.PemFiles;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import picocli.CommandLine.Option;

/** {@code --config FILE} for the audit commands, and what they open from it. */
final class AuditConfig {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's application.properties (default: ./application.properties if present).")
    Path file;

    Settings settings() {
        return Settings.load(Optional.ofNullable(file), System.getenv());
    }

    GatewayConfig gateway() {
        return GatewayConfig.from(settings());
    }

    /** The store, created or migrated if need be: for the command that changes it (archive). */
    Database openDatabase() {
        return Database.open(DatabaseSettings.from(gateway(), System.getenv()));
    }

    /**
     * The store as it is, for the commands that only read it: a mistyped --config or a relative
     * path read from another folder must not create an empty store that then reads as "0 events".
     */
    Database openExistingDatabase() {
        Settings settings = settings();
        try {
            return Database.openExisting(DatabaseSettings.from(GatewayConfig.from(settings), System.getenv()));
        } catch (SafegateException e) {
            if (e.code() != ErrorCode.STORE_MISSING) {
                throw e;
            }
            throw new SafegateException(e.code(), e.getMessage()
                    + StoreLookup.explain(settings, Path.of("").toAbsolutePath()), e);
        }
    }

    AuditSettings audit() {
        return AuditSettings.from(settings());
    }

    AuditKeys keys() {
        Settings settings = settings();
        return AuditKeys.from(KeyProviders.fromSpec(gateway().requireKeys(), Path.of("").toAbsolutePath(), settings,
                System.getenv()), settings, System.getenv());
    }

    /** Signs this log's checkpoints and export seals. */
    TreeHeadSigner treeSigner() {
        return keys().treeSigner(audit().origin());
    }

    /** The certificate that checkpoints must verify with: the one given, else the configured key store's. */
    X509Certificate certificate(Path explicit) {
        return explicit != null ? PemFiles.readCertificate(explicit) : keys().certificate();
    }
}
