package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The administrator's first command, run as a real process on the shipped and the broken policy sets. */
class PolicyCheckIT {
    private static final Path FIXTURES = SafegateProcess.ROOT
            .resolve("gateway/src/test/resources/org/safegate/policy/load");

    @Test
    void launcherChecksTheShippedPolicySet() {
        SafegateProcess.Result result = SafegateProcess.launcher("policy", "check", "--at", "2026-06-01");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("(?m)^ICE +NOT CURRENT")
                .contains("CAP_ITEM_UNDATED")
                .containsPattern("(?m)^DOJ +current")
                .containsPattern("(?m)^IRS-ICE-2025 +IRS +ICE +DENIED")
                .containsPattern("(?m)^IRS-DOJ-2024 +IRS +DOJ +permitted");
    }

    static List<String> brokenFixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.map(d -> d.getFileName().toString())
                    // the valid sets are named PolicyLoaderTest.valid...
                    .filter(name -> name.startsWith("PolicyLoaderTest.") && !name.startsWith("PolicyLoaderTest.valid"))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFixtures")
    void everyBrokenPolicySetExitsTwoWithALocatedError(String fixture) {
        Path dir = FIXTURES.resolve(fixture);

        SafegateProcess.Result result = SafegateProcess.jar(dir, "policy", "check", "--policies", dir.toString());

        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.out()).contains("INVALID").containsPattern(dir + "/[a-z]+/[a-z0-9-]+\\.yaml(:\\d+)?: .* \\[[A-Z_0-9]+\\]");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void validFixtureExitsZero() {
        Path dir = FIXTURES.resolve("PolicyLoaderTest.valid");

        SafegateProcess.Result result = SafegateProcess.jar(dir, "policy", "check", "--policies", dir.toString(),
                "--json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"valid\" : true");
    }
}
