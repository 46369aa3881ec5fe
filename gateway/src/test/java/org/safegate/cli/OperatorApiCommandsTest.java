package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.operator.ApiToken;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

/** {@code operator new-token}, and {@code run} refusing to serve the admin API without TLS. */
class OperatorApiCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void newTokenPrintsATokenOnceAndAHashOfItsSecretForTheOperatorFile() {
        int exit = run("operator", "new-token", "--operator", "auditor", "--name", "nightly");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        String token = lines.get(1);
        assertThat(token).startsWith("auditor.nightly.");
        String entry = lines.stream().filter(l -> l.contains("name: nightly")).findFirst().orElseThrow();
        String hash = entry.substring(entry.indexOf("\"") + 1, entry.lastIndexOf("\""));
        assertThat(hash).startsWith("$shiro2$").doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        assertThat(new DefaultPasswordService().passwordsMatch(ApiToken.secretOf(token), hash)).isTrue();
    }

    @Test
    void aNewToken_resultItCarriesTheDayItsLifetimeEndsNinetyDaysByDefault() {
        assertThat(run("operator", "new-token", "--operator", "auditor", "--name", "nightly")).isZero();
        assertThat(run("operator", "new-token", "--operator", "auditor", "--name", "weekly", "--lifetime", "P30D"))
                .isZero();

        assertThat(out.toString().lines().filter(l -> l.contains("name: nightly")))
                .singleElement().asString().endsWith(", expires: " + TestClocks.CASE_DATE.plusDays(90) + " }");
        assertThat(out.toString().lines().filter(l -> l.contains("name: weekly")))
                .singleElement().asString().endsWith(", expires: " + TestClocks.CASE_DATE.plusDays(30) + " }");
    }

    @Test
    void aLifetimeThatIsNotADuration_resultRefusedNamingTheOption() {
        assertThat(run("operator", "new-token", "--operator", "auditor", "--name", "x", "--lifetime", "90 days"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--lifetime must be an ISO-8601 duration").contains("'90 days'");
    }

    @Test
    void aTokenNameWithADotIsRefused() {
        assertThat(run("operator", "new-token", "--operator", "auditor", "--name", "a.b")).isEqualTo(2);
        assertThat(err.toString()).contains("--name");
    }

    @Test
    void runRefusesToStartTheApiWithoutCertificateAndKeyNamingTheKeys(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "safegate.keys=file:keys-example\nsafegate.policies=" + dir.resolve("none") + "\n");

        int exit = run("run", "--config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("safegate.api.tls.cert").contains("safegate.api.tls.key")
                .contains("safegate.api.port=0");
    }

    private int run(String... args) {
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
