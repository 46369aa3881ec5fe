package org.safegate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test reads the wall clock, except where what it tests runs on the wall clock itself: a test
 * that compares today's date with fixed dates passes now and fails months later on a clean clone.
 * Tests run on {@link TestClocks}, or write their fixtures relative to the clock they use.
 */
class WallClockGuardTest {
    private static final Pattern WALL_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth|MonthDay)"
                    + "\\.now\\(|\\bClock\\.system(UTC|DefaultZone)?\\(|\\bSystem\\.currentTimeMillis\\("
                    + "|\\bnew Date\\(\\)|\\bCalendar\\.getInstance\\(|\\bnewCommandLine\\(\\)");

    /** Test sources that may read the wall clock, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "gateway/src/test/java/org/safegate/testing/WallClockGuardTest.java",
            "the guard's own examples of what it finds",
            "gateway/src/test/java/org/safegate/keys/vault/TestTls.java",
            "a TLS handshake checks the server certificate against the JVM's own clock",
            "integration-tests/src/test/java/org/safegate/it/GatewayDay.java",
            "the built gateway runs as a process on the wall clock; its fixtures are written relative to it");

    @Test
    void noTestReadsTheWallClockOutsideTheAllowList() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        for (String tree : List.of("gateway/src/test/java", "integration-tests/src/test/java")) {
            try (Stream<Path> files = Files.walk(root.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    if (!ALLOWED.containsKey(name)) {
                        found.addAll(wallClockReads(name, Files.readAllLines(file, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertThat(found).as("tests that read the wall clock (use TestClocks, or allow-list timing code with a reason)")
                .isEmpty();
    }

    @Test
    void theGuardRecognisesEachWayOfReadingTheWallClock() {
        assertThat(wallClockReads("T.java", List.of(
                "Instant start = Instant.now();",
                "var day = LocalDate.now(ZoneOffset.UTC);",
                "Clock clock = Clock.systemUTC();",
                "long t = System.currentTimeMillis();",
                "Date d = new Date();",
                "CommandLine cli = SafegateCommand.newCommandLine();",
                "// Instant.now() in a comment is harmless",
                "Instant fixed = TestClocks.CASE_DAY;"))).hasSize(6);
    }

    @Test
    void everyAllowedFileStillExists() {
        Path root = repositoryRoot();
        assertThat(ALLOWED.keySet()).allSatisfy(name -> assertThat(root.resolve(name)).isRegularFile());
    }

    private static List<String> wallClockReads(String name, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i);
            int comment = code.indexOf("//");
            if (comment >= 0) {
                code = code.substring(0, comment);
            }
            if (WALL_CLOCK.matcher(code).find()) {
                found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return found;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("integration-tests")) && Files.isDirectory(dir.resolve("gateway"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
