package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safegate.testing.TestClocks;
import picocli.CommandLine;

class HashPasswordCommandTest {
    private final InputStream originalIn = System.in;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    @Test
    void printsAShiroHashThatMatchesThePasswordAndNeverThePassword() {
        int exit = run("correct horse battery staple\n");

        assertThat(exit).isZero();
        String hash = out.toString().strip();
        assertThat(hash).startsWith("$shiro2$argon2id$").doesNotContain("correct horse");
        assertThat(new DefaultPasswordService().passwordsMatch("correct horse battery staple", hash)).isTrue();
        assertThat(new DefaultPasswordService().passwordsMatch("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void shortPasswordIsRefused() {
        assertThat(run("hunter2\n")).isEqualTo(2);
        assertThat(err.toString()).contains("shorter than 12").doesNotContain("hunter2");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void emptyInputIsRefused() {
        assertThat(run("")).isEqualTo(2);
    }

    private int run(String stdin) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = SafegateCommand.newCommandLine(TestClocks.runningFromCaseDay());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("operator", "hash-password");
    }
}
