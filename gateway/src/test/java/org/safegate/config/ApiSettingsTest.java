package org.safegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safegate.SafegateException;

/** The admin API's configuration: defaults, HTTPS only, numbers checked. */
class ApiSettingsTest {
    private static final Path DIR = Path.of("/srv/safegate");

    @Test
    void defaultsListenOnLoopbackPort8443AndRefuseToStartWithoutCertificateAndKey() {
        ApiSettings api = ApiSettings.from(Settings.of(Map.of()), DIR);

        assertThat(api.host()).isEqualTo("127.0.0.1");
        assertThat(api.port()).isEqualTo(8443);
        assertThat(api.enabled()).isTrue();
        assertThatThrownBy(api::requireTls).isInstanceOf(SafegateException.class)
                .hasMessageContaining("safegate.api.tls.cert").hasMessageContaining("safegate.api.tls.key")
                .hasMessageContaining("safegate.api.port=0");
    }

    @Test
    void aKeyWithoutACertificateIsRefusedNamingTheMissingOne() {
        ApiSettings api = ApiSettings.from(Settings.of(Map.of("safegate.api.tls.key", "tls.key")), DIR);

        assertThatThrownBy(api::requireTls).hasMessageContaining("safegate.api.tls.cert is not set");
    }

    @Test
    void portZeroTurnsTheApiOffAndNeedsNoCertificate() {
        ApiSettings api = ApiSettings.from(Settings.of(Map.of("safegate.api.port", "0")), DIR);

        assertThat(api.enabled()).isFalse();
        api.requireTls();
    }

    @Test
    void pathsResolveAgainstTheWorkingDirectory() {
        ApiSettings api = ApiSettings.from(Settings.of(Map.of("safegate.api.tls.cert", "keys/api.crt",
                "safegate.api.tls.key", "/etc/safegate/api.key")), DIR);

        assertThat(api.certificate()).hasValue(DIR.resolve("keys/api.crt"));
        assertThat(api.key()).hasValue(Path.of("/etc/safegate/api.key"));
        api.requireTls();
    }

    @Test
    void aPortThatIsNotANumberInRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ApiSettings.from(Settings.of(Map.of("safegate.api.port", "84430")), DIR))
                .hasMessageContaining("safegate.api.port must be a whole number from 0 to 65535");
        assertThatThrownBy(() -> ApiSettings.from(Settings.of(Map.of("safegate.api.login.max-failures", "many")),
                DIR)).hasMessageContaining("safegate.api.login.max-failures");
    }

    @Test
    void loginAndTokenDefaults_resultFiveAndTwentyFailuresLockoutsFromFiveMinutesToADayTwoChecksNinetyDays() {
        ApiSettings api = ApiSettings.from(Settings.of(Map.of()), DIR);

        assertThat(api.login()).isEqualTo(new ApiSettings.Login(5, 20, Duration.ofMinutes(5), Duration.ofDays(1), 2));
        assertThat(api.tokenLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(ApiSettings.from(Settings.of(Map.of("safegate.api.token-lifetime", "P30D")), DIR).tokenLifetime())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aCeilingBelowTheFirstLockoutOrATokenLifetimeThatIsNotADuration_resultRefusedNamingTheKey() {
        assertThatThrownBy(() -> ApiSettings.from(Settings.of(Map.of("safegate.api.login.lockout-seconds", "600",
                "safegate.api.login.max-lockout-seconds", "300")), DIR))
                .hasMessageContaining("safegate.api.login.max-lockout-seconds (300) must be at least");
        assertThatThrownBy(() -> ApiSettings.from(Settings.of(Map.of("safegate.api.login.max-concurrent-checks", "0")),
                DIR)).hasMessageContaining("safegate.api.login.max-concurrent-checks must be a whole number from 1");
        for (String lifetime : new String[] {"90", "90 days", "-P1D", "PT30S", "P3650D"}) {
            assertThatThrownBy(() -> ApiSettings.from(Settings.of(Map.of("safegate.api.token-lifetime", lifetime)),
                    DIR)).as(lifetime).hasMessageContaining("safegate.api.token-lifetime must be an ISO-8601 duration");
        }
    }
}
