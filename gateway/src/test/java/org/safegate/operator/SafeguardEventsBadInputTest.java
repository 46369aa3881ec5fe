package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.model.PolicySet;
import org.safegate.testing.TestClocks;

/**
 * The bad-input catalogue of safeguard events: one fixture per case, each refused with the field
 * named, and nothing changed (policy files, running set, history, audit log).
 */
class SafeguardEventsBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static AdminWorkspace ws;
    private static Map<Path, String> filesBefore;
    private static PolicySet runningBefore;

    @BeforeAll
    static void open() throws IOException {
        ws = AdminWorkspace.open(dir, TestClocks.runningFromCaseDay());
        filesBefore = snapshot(ws.policies());
        runningBefore = ws.gateway.policies().get();
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @CsvFileSource(resources = "SafeguardEventsBadInputTest.catalogue.csv")
    void theOfficerRecordsABadEventAndIsToldWhichFieldIsWrong(String fixture, String agency, ErrorCode code,
                                                               String field) throws IOException {
        JsonNode event = fixture(fixture);

        assertThatThrownBy(() -> ws.gateway.safeguardEvents().record(agency, event, "olga"))
                .isInstanceOfSatisfying(SafegateException.class, problem -> {
                    assertThat(problem.code()).as(problem.getMessage()).isEqualTo(code);
                    if (field != null) {
                        assertThat(problem.field()).as(problem.getMessage()).contains(field);
                    }
                    assertThat(problem.getMessage()).isNotBlank();
                });

        assertNothingChanged();
    }

    @Test
    void anEventThatWouldMakeThePolicySetInvalidSaysSoAndChangesNothing() throws IOException {
        JsonNode event = fixture("closedBeforeOpened");

        assertThatThrownBy(() -> ws.gateway.safeguardEvents().record("ICE", event, "olga"))
                .isInstanceOfSatisfying(SafegateException.class, problem -> assertThat(problem.getMessage())
                        .contains("would make the policy set invalid").contains("safeguards/ice.yaml")
                        .contains("before opened"));

        assertNothingChanged();
        assertThat(ws.data().resolve("policy-staging")).isEmptyDirectory();
    }

    private static void assertNothingChanged() throws IOException {
        assertThat(snapshot(ws.policies())).isEqualTo(filesBefore);
        assertThat(ws.gateway.policies().get()).isSameAs(runningBefore);
        assertThat(ws.events(AuditEventType.SAFEGUARD_EVENT)).isEmpty();
        List<Path> kept = AdminWorkspace.listAll(ws.data().resolve("policy-history")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".yaml")).toList();
        assertThat(kept).isEmpty();
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = SafeguardEventsBadInputTest.class.getResourceAsStream(
                "SafeguardEventsBadInputTest/" + name + ".json")) {
            assertThat(in).as("fixture " + name).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static Map<Path, String> snapshot(Path folder) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        for (Path file : AdminWorkspace.listAll(folder)) {
            files.put(folder.relativize(file), Files.readString(file) + "@" + Files.getLastModifiedTime(file));
        }
        return files;
    }
}
