package org.safegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestFiles;

/**
 * The launcher script gives the JVM a heap ceiling unless the operator sizes the heap: run with a
 * stand-in {@code java} on the PATH that prints the options it was given.
 */
class LauncherTest {
    @TempDir
    Path root;

    @BeforeEach
    void launcherBesideABuiltJar() throws IOException {
        Files.copy(TestFiles.repositoryRoot().resolve("safegate"), root.resolve("safegate"));
        // a jar and no sources: the launcher has nothing to build
        Files.createDirectories(root.resolve("gateway/target"));
        Files.writeString(root.resolve("gateway/target/safegate.jar"), "");
        Path java = Files.writeString(Files.createDirectories(root.resolve("bin")).resolve("java"),
                "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void byDefaultTheHeapIsCappedAtHalfAGigabyte() throws Exception {
        assertThat(launch(Map.of())).contains("-XX:+UseParallelGC -Xmx512m -jar").endsWith("run --once");
    }

    @Test
    void aHeapSizeInTheOperatorsOptionsReplacesTheDefault() throws Exception {
        assertThat(launch(Map.of("SAFEGATE_JAVA_OPTS", "-Xmx2g"))).contains("-Xmx2g").doesNotContain("-Xmx512m");
        assertThat(launch(Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=50"))).doesNotContain("-Xmx");
        assertThat(launch(Map.of("JDK_JAVA_OPTIONS", "-XX:MaxHeapSize=1g"))).doesNotContain("-Xmx");
    }

    private String launch(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("safegate").toString(), "run", "--once")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.equals("SAFEGATE_JAVA_OPTS")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
