package org.safegate.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml: the operator's lines are visible by default, the libraries' chatter is not. */
class LogbackDefaultsTest {
    @Test
    void theShippedConfiguration_resultSafegateLoggersAtInfoAndTheRestAtWarn() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogbackDefaultsTest.class.getResource("/logback.xml"));

        assertThat(context.getLogger("safegate.transfer").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("safegate.start").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("org.apache.camel.main").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.safegate.transfer.TransferProcessor").isInfoEnabled()).isFalse();
        context.stop();
    }
}
