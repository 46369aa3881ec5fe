package org.safegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** {@code safegate.node.id} and {@code safegate.node.heartbeat}: defaults, and bad values named. */
class NodeSettingsTest {

    @Test
    void withoutSettingsTheIdIsTheHostNameAndProcessIdAndTheHeartbeatFiveSeconds() {
        NodeSettings node = NodeSettings.from(Settings.of(Map.of()), "gw1", 4242);

        assertThat(node).isEqualTo(new NodeSettings("gw1-4242", Duration.ofSeconds(5)));
    }

    @Test
    void anOddOrLongHostNameIsCutDownToAValidId() {
        assertThat(NodeSettings.defaultId("gw 1/é", 7)).isEqualTo("gw-1---7");
        assertThat(NodeSettings.defaultId("h".repeat(100), 4242)).hasSize(64).endsWith("h-4242");
        assertThat(NodeSettings.from(Settings.of(Map.of()))).extracting(NodeSettings::id).asString()
                .matches("[A-Za-z0-9._-]{1,64}").endsWith("-" + ProcessHandle.current().pid());
    }

    @Test
    void aSetIdAndHeartbeatAreTaken() {
        NodeSettings node = NodeSettings.from(Settings.of(Map.of(NodeSettings.ID, "gw-east.1_a",
                NodeSettings.HEARTBEAT, "PT2S")), "gw1", 1);

        assertThat(node).isEqualTo(new NodeSettings("gw-east.1_a", Duration.ofSeconds(2)));
    }

    @Test
    void aBadIdIsRefusedNamingTheKey() {
        for (String bad : new String[] {"gw 1", "gw/1", "x".repeat(65), "gw1;rm"}) {
            assertThatThrownBy(() -> NodeSettings.from(Settings.of(Map.of(NodeSettings.ID, bad)), "gw1", 1))
                    .as(bad).isInstanceOf(SafegateException.class)
                    .hasMessageContaining("safegate.node.id").hasMessageContaining("1 to 64 characters")
                    .extracting(e -> ((SafegateException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void aBadHeartbeatIsRefusedNamingTheKey() {
        for (String bad : new String[] {"5s", "PT0S", "-PT5S", "PT2H"}) {
            assertThatThrownBy(() -> NodeSettings.from(Settings.of(Map.of(NodeSettings.HEARTBEAT, bad)), "gw1", 1))
                    .as(bad).isInstanceOf(SafegateException.class).hasMessageContaining("safegate.node.heartbeat")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
