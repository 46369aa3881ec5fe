package org.safegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safegate.SafegateException;

class RecallSettingsTest {
    @Test
    void theDefaultDueIsThirtyDaysUnlessSet() {
        assertThat(RecallSettings.defaultDue(Settings.of(Map.of()))).isEqualTo(Period.ofDays(30));
        assertThat(RecallSettings.defaultDue(Settings.of(Map.of(RecallSettings.DEFAULT_DUE, " P2M "))))
                .isEqualTo(Period.ofMonths(2));
    }

    @Test
    void aDueThatIsNotAPositivePeriodIsRefusedNamingTheKey() {
        for (String bad : new String[] {"30", "P0D", "P-5D", "soon"}) {
            assertThatThrownBy(() -> RecallSettings.defaultDue(Settings.of(Map.of(RecallSettings.DEFAULT_DUE, bad))))
                    .as(bad).isInstanceOf(SafegateException.class)
                    .hasMessageContaining("safegate.recall.default-due").hasMessageContaining("'" + bad + "'");
        }
    }
}
