package org.safegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

class GatewayConfigTest {

    @Test
    void defaultsApplyWithoutAFile(@TempDir Path dir) {
        GatewayConfig config = GatewayConfig.from(Settings.load(Optional.empty(), Map.of()));

        assertThat(config.policies()).isEqualTo(Path.of("policies"));
        assertThat(config.data()).isEqualTo(Path.of("data"));
        assertThat(config.keys()).isEmpty();
        assertThat(config.database()).isEmpty();
    }

    @Test
    void fileValuesAreOverriddenByTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("application.properties"),
                "safegate.policies=/etc/safegate/policies\nsafegate.keys=file:/etc/safegate/keys\n"
                        + "safegate.db.url=jdbc:postgresql://db/safegate\n");

        GatewayConfig config = GatewayConfig.from(Settings.load(Optional.of(file),
                Map.of("SAFEGATE_KEYS", "vault:secret/safegate", "SAFEGATE_DATA", "/var/lib/safegate")));

        assertThat(config.policies()).isEqualTo(Path.of("/etc/safegate/policies"));
        assertThat(config.keys()).contains("vault:secret/safegate");
        assertThat(config.data()).isEqualTo(Path.of("/var/lib/safegate"));
        assertThat(config.database()).contains("jdbc:postgresql://db/safegate");
    }

    @Test
    void missingKeysIsAClearError() {
        GatewayConfig config = GatewayConfig.from(Settings.of(Map.of()));

        assertThatThrownBy(config::requireKeys).isInstanceOf(SafegateException.class)
                .hasMessageContaining("safegate.keys is not set");
    }

    @Test
    void aPlainPasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> GatewayConfig.from(Settings.of(Map.of("safegate.db.password", "hunter2"))))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("must be a reference")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.load(Optional.of(dir.resolve("nope.properties")), Map.of()))
                .isInstanceOf(SafegateException.class).hasMessageContaining("not found");
    }
}
