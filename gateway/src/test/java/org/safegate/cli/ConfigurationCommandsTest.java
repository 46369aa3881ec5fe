package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import picocli.CommandLine;

/**
 * The commands read the configuration strictly and from its own folder: a misspelt key stops
 * them, {@code policy check} finds its policies through {@code --config}, and {@code policy reload}
 * without a running gateway says so.
 */
class ConfigurationCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aMisspeltKeyStopsEveryCommandThatReadsTheFileWithExitTwo() throws Exception {
        Path config = fixture("typo.properties");

        for (List<String> command : List.of(List.of("audit", "list"), List.of("policy", "check"),
                List.of("policy", "reload"), List.of("run", "--once"))) {
            StringWriter errors = new StringWriter();
            assertThat(run(errors, command, "--config", config.toString())).as(command.toString()).isEqualTo(2);
            assertThat(errors.toString()).as(command.toString())
                    .contains("unknown setting safegate.polices in " + config, "did you mean safegate.policies?");
        }
    }

    @Test
    void policyCheckReadsThePolicyFolderOfTheConfigurationRelativeToTheFile() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc/safegate"));
        Path policies = etc.toAbsolutePath().relativize(TestFiles.repositoryRoot().resolve("policies"));
        Path config = Files.writeString(etc.resolve("application.properties"), "safegate.policies=" + policies + "\n");

        assertThat(run(err, List.of("policy", "check", "--at", "2026-06-01"), "--config", config.toString()))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("valid (3 agencies, 3 agreements)");
    }

    @Test
    void policyReloadWithoutARunningGatewayAndWithoutServerSaysSo() throws Exception {
        Path config = Files.writeString(dir.resolve("application.properties"), "safegate.data=data\n");

        assertThat(run(err, List.of("policy", "reload"), "--config", config.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("none runs with " + config, "--server");
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/config/" + name)) {
            Path file = dir.resolve("application.properties");
            Files.copy(in, file);
            return file;
        }
    }

    private int run(StringWriter errors, List<String> command, String... more) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(errors, true));
        return cli.execute(java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more))
                .toArray(String[]::new));
    }
}
