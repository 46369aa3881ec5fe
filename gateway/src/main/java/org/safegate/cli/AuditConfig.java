package org.safegate.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.safegate.audit.AuditKeys;
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

    Database openDatabase() {
        return Database.open(DatabaseSettings.from(gateway(), System.getenv()));
    }

    AuditSettings audit() {
        return AuditSettings.from(settings());
    }

    AuditKeys keys() {
        Settings settings = settings();
        return AuditKeys.from(KeyProviders.fromSpec(gateway().requireKeys(), Path.of("").toAbsolutePath(), settings,
                System.getenv()), settings, System.getenv());
    }

    /** The certificate that checkpoints must verify with: the one given, else the configured key store's. */
    X509Certificate certificate(Path explicit) {
        return explicit != null ? PemFiles.readCertificate(explicit) : keys().certificate();
    }
}
