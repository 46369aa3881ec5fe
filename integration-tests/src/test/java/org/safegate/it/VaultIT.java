package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.safegate.SafegateException;
import org.safegate.keys.vault.VaultAuth;
import org.safegate.keys.vault.VaultSecrets;
import org.safegate.keys.vault.VaultSettings;

/**
 * Runs against a real Vault or OpenBao when VAULT_ADDR and VAULT_TOKEN are set (for example
 * {@code vault server -dev} or {@code bao server -dev}, which mount KV v2 at secret/); reported
 * as skipped otherwise. See README, "Vault".
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+")
class VaultIT {
    private final String address = System.getenv("VAULT_ADDR");

    @Test
    void readsWhatWasWrittenToKv2() throws Exception {
        String path = "secret/safegate-it/" + UUID.randomUUID();
        Vault admin = Vault.create(new VaultConfig().address(address).token(System.getenv("VAULT_TOKEN"))
                .engineVersion(2).build());
        admin.logical().write(path, Map.of("sign.crt", "PEM-CONTENT"));

        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create(address),
                Optional.ofNullable(System.getenv("VAULT_NAMESPACE")), new VaultAuth.Token("env:VAULT_TOKEN"),
                Optional.ofNullable(System.getenv("VAULT_CACERT")).map(java.nio.file.Path::of), 10), System.getenv());

        assertThat(secrets.field(path, "sign.crt")).isEqualTo("PEM-CONTENT");
        assertThatThrownBy(() -> secrets.read(path + "-missing")).isInstanceOf(SafegateException.class)
                .hasMessageContaining("404");
    }
}
