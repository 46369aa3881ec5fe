package org.safegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

class OutboxSettingsTest {

    @Test
    void theLaneSettingIsAWholeNumberFromOneTo64() {
        assertThat(OutboxSettings.lanes(Settings.of(Map.of()))).isEqualTo(OutboxSettings.DEFAULT_LANES);
        assertThat(OutboxSettings.lanes(Settings.of(Map.of("safegate.outbox.lanes", " 8 ")))).isEqualTo(8);
        for (String bad : List.of("0", "65", "-1", "four")) {
            assertThatThrownBy(() -> OutboxSettings.lanes(Settings.of(Map.of("safegate.outbox.lanes", bad))))
                    .isInstanceOfSatisfying(SafegateException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("safegate.outbox.lanes").hasMessageContaining("'" + bad + "'");
        }
    }
}
