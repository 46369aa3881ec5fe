package org.safegate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

class KeyProvidersTest {
    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("keys-example"))) {
                return d;
            }
        }
        throw new IllegalStateException("keys-example not found");
    }

    @Test
    void theExampleDirectoryIsServedByTheInsecureProvider() {
        KeyProvider provider = KeyProviders.fromSpec("file:keys-example", root());
        assertThat(provider).isInstanceOf(InsecureExampleKeyStore.class);
        assertThat(KeyProvider.isInsecure(provider)).isTrue();
        assertThat(provider.agencyEncryption("ICE").subject()).contains("ICE");
    }

    @Test
    void vaultWithoutVaultSettingsIsRefusedNotSilentlyReplaced() {
        assertThatThrownBy(() -> KeyProviders.fromSpec("vault:secret/safegate", root()))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> KeyProviders.fromSpec("vault:secret/safegate", root(),
                org.safegate.config.Settings.of(java.util.Map.of()), java.util.Map.of()))
                .isInstanceOf(SafegateException.class).hasMessageContaining("VAULT_ADDR");
    }

    @Test
    void anUnknownSchemeOrMissingDirectoryIsAnError() {
        assertThatThrownBy(() -> KeyProviders.fromSpec("keys-example", root()))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> KeyProviders.fromSpec("file:does-not-exist", root()))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }
}
