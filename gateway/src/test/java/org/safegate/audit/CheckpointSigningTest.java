package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

/** safegate.audit.signer: bad values first, each refused at start with the setting and the value named. */
class CheckpointSigningTest {

    @ParameterizedTest(name = "safegate.audit.signer={0}")
    @ValueSource(strings = {
        "bogus",
        "vault",
        "vault-transit:",
        "vault-transit:../sys",
        "vault-transit:a/b",
        "vault-transit:a?b",
        "KEY-STORE",
    })
    void aValueThatNamesNoSignerIsRefused(String value) {
        assertThatThrownBy(() -> CheckpointSigning.from(Settings.of(Map.of("safegate.audit.signer", value))))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("safegate.audit.signer is '" + value + "'");
    }

    @ParameterizedTest(name = "safegate.audit.transit-mount={0}")
    @CsvSource({"../sys", "/transit", "transit//x", "a b"})
    void aMountThatIsNotAPathIsRefused(String mount) {
        assertThatThrownBy(() -> CheckpointSigning.from(Settings.of(Map.of("safegate.audit.signer",
                "vault-transit:audit", "safegate.audit.transit-mount", mount))))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("safegate.audit.transit-mount is '" + mount + "'");
    }

    @Test
    void theKeyStoreIsTheDefaultAndCanBeNamed() {
        assertThat(CheckpointSigning.from(Settings.of(Map.of()))).isEqualTo(new CheckpointSigning.KeyStore());
        assertThat(CheckpointSigning.from(Settings.of(Map.of("safegate.audit.signer", "key-store"))))
                .isEqualTo(new CheckpointSigning.KeyStore());
    }

    @Test
    void aTransitKeyIsAtTheTransitMountUnlessAnotherIsGiven() {
        assertThat(CheckpointSigning.from(Settings.of(Map.of("safegate.audit.signer", "vault-transit:safegate-audit"))))
                .isEqualTo(new CheckpointSigning.VaultTransit("transit", "safegate-audit"));
        assertThat(CheckpointSigning.from(Settings.of(Map.of("safegate.audit.signer", "vault-transit:k.1",
                "safegate.audit.transit-mount", "ns/transit/")))).isEqualTo(new CheckpointSigning.VaultTransit(
                "ns/transit", "k.1"));
    }
}
