package org.safegate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.safegate.policy.UpcomingFixture.FROM;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.SafegateException;
import org.safegate.admin.ApiGateway;
import org.safegate.audit.MutableClock;
import org.safegate.config.Settings;
import org.safegate.policy.RecallObligations;
import org.safegate.policy.SafeguardSettings;
import org.safegate.policy.UpcomingChanges;
import org.safegate.policy.UpcomingFixture;
import org.safegate.policy.UpcomingSources;
import org.safegate.policy.UpcomingWindow;
import org.safegate.policy.model.PolicySet;
import org.safegate.testing.TestClocks;
import org.slf4j.LoggerFactory;

/** The gateway's daily WARN lines for what stops being current soon: once a day, by the gateway's clock. */
class UpcomingWarningsTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(UpcomingWarnings.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @TempDir
    Path dir;

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void warnsOfEachChangeWithin30DaysOnceADay() {
        MutableClock clock = new MutableClock(UpcomingFixture.NOW);
        UpcomingWarnings warnings = warnings(clock, Optional.of(UpcomingWindow.ofDays(30)));

        assertThat(warnings.warnIfNewDay()).isEqualTo(2);
        assertThat(messages()).containsExactly(
                "ICE stops being current on " + FROM.plusDays(11) + " (in 11 days)",
                "ICE stops being current on " + FROM.plusDays(21) + " (in 21 days)");
        assertThat(logged.list).allMatch(e -> e.getLevel() == Level.WARN);
        assertThat(logged.list.get(1).getFormattedMessage()).contains("Safeguard Security Report").endsWith("[SSR_DUE]");

        clock.advance(Duration.ofHours(14)); // 23:00 the same day
        assertThat(warnings.warnIfNewDay()).isZero();
        assertThat(logged.list).hasSize(2);

        clock.advance(Duration.ofHours(2)); // 01:00 the next day
        assertThat(warnings.warnIfNewDay()).isEqualTo(2);
        assertThat(messages()).endsWith("ICE stops being current on " + FROM.plusDays(11) + " (in 10 days)",
                "ICE stops being current on " + FROM.plusDays(21) + " (in 20 days)");
        assertThat(warnings.warnIfNewDay()).isZero();
        assertThat(logged.list).hasSize(4);
    }

    @Test
    void aLongerWindowWarnsOfMoreAndNoneWarnsOfNothing() {
        MutableClock clock = new MutableClock(UpcomingFixture.NOW);

        assertThat(warnings(clock, Optional.of(UpcomingWindow.ofDays(60))).warnIfNewDay()).isEqualTo(4);
        logged.list.clear();
        assertThat(warnings(clock, Optional.empty()).warnIfNewDay()).isZero();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void theSettingDefaultsTo30DaysAllowsZeroAndRefusesTheRestNamingTheKey() {
        assertThat(WarningSettings.within(Settings.of(Map.of()))).contains(UpcomingWindow.ofDays(30));
        assertThat(WarningSettings.within(Settings.of(Map.of("safegate.warnings.within-days", "45"))))
                .contains(UpcomingWindow.ofDays(45));
        assertThat(WarningSettings.within(Settings.of(Map.of("safegate.warnings.within-days", "0")))).isEmpty();
        for (String bad : List.of("abc", "-5", "30d", "9999")) {
            assertThatThrownBy(() -> WarningSettings.within(Settings.of(Map.of("safegate.warnings.within-days", bad))))
                    .isInstanceOf(SafegateException.class).hasMessageContaining("safegate.warnings.within-days")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void theRunningGatewayWarnsAtStart(@TempDir Path workspace) throws Exception {
        // on the case day the SSRs for 2026 of DOJ and ICE are due on January 31: 62 days ahead
        try (ApiGateway api = ApiGateway.start(workspace, Map.of("safegate.warnings.within-days", "70"))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messages()).contains(
                    "DOJ stops being current on " + TestClocks.CASE_DATE.plusDays(62) + " (in 62 days)",
                    "ICE stops being current on " + TestClocks.CASE_DATE.plusDays(62) + " (in 62 days)"));
            assertThat(api.gateway).isNotNull();
        }
    }

    private UpcomingWarnings warnings(MutableClock clock, Optional<UpcomingWindow> window) {
        PolicySet set = UpcomingFixture.load(dir);
        return new UpcomingWarnings(new UpcomingChanges(SafeguardSettings.DEFAULTS, UpcomingSources.policyFiles(dir),
                RecallObligations.NONE),
                () -> set, clock, window);
    }

    /** Each line up to its detail: who, which day and how far ahead. */
    private List<String> messages() {
        return logged.list.stream().map(e -> e.getFormattedMessage().substring(0,
                e.getFormattedMessage().indexOf(')') + 1)).toList();
    }
}
