package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.Settings;

class AuditSettingsTest {

    @Test
    void defaultsAreTheLocalOriginHourlyInboxCheckpointsAndSevenYearsRetention() {
        AuditSettings settings = AuditSettings.from(Settings.of(Map.of()));
        assertThat(settings.origin()).isEqualTo("safegate.local/audit");
        assertThat(settings.inboxCheckpoints()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.retention()).isEqualTo(Period.ofYears(7));
    }

    @Test
    void everyNumberIsASetting() {
        AuditSettings settings = AuditSettings.from(Settings.of(Map.of("safegate.audit.origin", "irs.example.gov/audit",
                "safegate.audit.inbox-checkpoint-minutes", "5", "safegate.audit.retention-years", "10",
                "safegate.audit.checkpoint-events", "50")));
        assertThat(settings.origin()).isEqualTo("irs.example.gov/audit");
        assertThat(settings.inboxCheckpoints()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retention()).isEqualTo(Period.ofYears(10));
    }

    @Test
    void anOriginWithASpaceIsAnInputErrorNamingTheKey() {
        assertThatThrownBy(() -> AuditSettings.from(Settings.of(Map.of("safegate.audit.origin", "my log"))))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("safegate.audit.origin").hasMessageContaining("'my log'");
    }

    @Test
    void aBadNumberIsAnInputErrorNamingTheKey() {
        for (String bad : new String[] {"0", "-3", "ten", "99999999999"}) {
            assertThatThrownBy(() -> AuditSettings.from(Settings.of(Map.of("safegate.audit.checkpoint-events", bad))))
                    .isInstanceOfSatisfying(SafegateException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("safegate.audit.checkpoint-events");
        }
    }
}
