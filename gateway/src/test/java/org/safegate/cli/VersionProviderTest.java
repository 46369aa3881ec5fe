package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/** {@code --version} prints the project's version, not "development build". */
class VersionProviderTest {
    @Test
    void theVersionIsTheProjects() {
        StringWriter out = new StringWriter();
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--version")).isZero();

        assertThat(out.toString().strip()).matches("safegate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
