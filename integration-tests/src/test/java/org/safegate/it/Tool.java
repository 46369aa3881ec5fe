package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (openssl, or the built safegate jar) and captures its exit code and output. */
final class Tool {
    record Result(int exitCode, String output) {
        Result assertSuccess() {
            assertThat(exitCode).as(output).isZero();
            return this;
        }

        Result assertFailure() {
            assertThat(exitCode).as(output).isNotZero();
            return this;
        }
    }

    private Tool() {
    }

    static Path root() {
        return Path.of(System.getProperty("safegate.root", "..")).toAbsolutePath().normalize();
    }

    static Path keys() {
        return root().resolve("keys-example");
    }

    static Result safegate(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("safegate.jar", root().resolve("gateway/target/safegate.jar").toString()));
        assertThat(jar).as("the built gateway jar").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return run(workDir, command);
    }

    static Result openssl(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        return run(workDir, command);
    }

    static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "tool-", ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), String.join(" ", command) + "\n" + output);
    }
}
