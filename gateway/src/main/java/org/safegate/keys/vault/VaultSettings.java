package org.safegate.keys.vault;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

/**
 * How to reach Vault. Secret values (the token, the AppRole secret id) are never configured
 * directly, only as {@code env:NAME} references resolved at login.
 *
 * @param address   {@code safegate.vault.addr} (or {@code VAULT_ADDR}): {@code https://}, or {@code http://}
 *                  only to a loopback address (see {@link VaultAddress})
 * @param namespace {@code safegate.vault.namespace}: sent as {@code X-Vault-Namespace} (Vault Enterprise, HCP)
 * @param auth      {@code safegate.vault.auth}: {@code token} (default) or {@code approle}
 * @param caPem     {@code safegate.vault.ca}: a PEM file of the CA that signed Vault's TLS certificate
 */
public record VaultSettings(URI address, Optional<String> namespace, VaultAuth auth, Optional<Path> caPem,
                            int timeoutSeconds) {

    public VaultSettings {
        VaultAddress.requireProtected(address, "safegate.vault.addr");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(caPem, "caPem");
    }

    /** Reads the {@code safegate.vault.*} keys. */
    public static VaultSettings from(Settings settings, Map<String, String> environment) {
        Optional<String> configured = settings.get("safegate.vault.addr");
        String source = configured.isPresent() ? "safegate.vault.addr" : "VAULT_ADDR";
        String value = configured.or(() -> Optional.ofNullable(environment.get("VAULT_ADDR")))
                .orElseThrow(() -> new SafegateException(ErrorCode.INVALID_ARGUMENT,
                        "Vault keys are configured but neither safegate.vault.addr nor VAULT_ADDR is set"));
        URI address = VaultAddress.requireProtected(value, source);
        String method = settings.get("safegate.vault.auth").orElse("token");
        VaultAuth auth = switch (method) {
            case "token" -> new VaultAuth.Token(settings.get("safegate.vault.token").orElse("env:VAULT_TOKEN"));
            case "approle" -> new VaultAuth.AppRole(settings.get("safegate.vault.approle.mount").orElse("approle"),
                    required(settings, "safegate.vault.approle.role-id"),
                    required(settings, "safegate.vault.approle.secret-id"));
            default -> throw new SafegateException(ErrorCode.INVALID_ARGUMENT,
                    "safegate.vault.auth is '" + method + "'; use token or approle");
        };
        return new VaultSettings(address, settings.get("safegate.vault.namespace"), auth,
                settings.path("safegate.vault.ca"),
                Integer.parseInt(settings.get("safegate.vault.timeout-seconds").orElse("10")));
    }

    private static String required(Settings settings, String key) {
        return settings.get(key).orElseThrow(() -> new SafegateException(ErrorCode.INVALID_ARGUMENT,
                key + " is required for AppRole login"));
    }
}
