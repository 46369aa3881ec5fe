package org.safegate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.inspect.read.Columns;
import org.safegate.inspect.read.RawRecord;
import org.safegate.inspect.read.RecordFormat;
import org.safegate.inspect.rules.RequestCode;

/**
 * The catalogue: one deficient record per reason code and tricky valid ones (units, PO boxes,
 * hyphens, apostrophes, ZIP+4, territories, military). Each row's {@code expect} column says what
 * must happen to it: PASS, or the exact reason codes. Four rows share one reason (in different
 * spellings), 4 of 38 records: over the 10% share, so they are boilerplate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCatalogueTest {
    private List<RawRecord> catalogue;
    private InspectionResult result;
    private Map<Long, String> rejected;
    private Set<String> passedIds;

    @BeforeAll
    void inspectTheCatalogue(@TempDir Path dir) {
        Path file = InspectFixtures.resource("RequestCatalogueTest.catalogue.csv");
        catalogue = InspectFixtures.readAll(file, RecordFormat.CSV, Columns.REQUEST_CONTRACT);
        InspectionSettings settings = InspectFixtures.settings().withBoilerplate(0.10, 3);
        RequestInspector inspector = new RequestInspector(settings, new InMemoryPassedRequests());
        result = inspector.inspect(file, InspectFixtures.context(), dir.resolve("passed.csv"), dir.resolve("rejected.csv"));
        rejected = InspectFixtures.rejectedCodesByLine(dir.resolve("rejected.csv"));
        passedIds = InspectFixtures.readAll(dir.resolve("passed.csv"), RecordFormat.CSV, Columns.REQUEST_CONTRACT)
                .stream().map(r -> r.value("request_id")).collect(Collectors.toSet());
    }

    @TestFactory
    Stream<DynamicTest> everyRowMeetsItsExpectation() {
        return catalogue.stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + " " + row.value("request_id") + ": " + row.value("expect"), () -> {
                    String expect = row.value("expect");
                    if (expect.equals("PASS")) {
                        assertThat(rejected).doesNotContainKey(row.line());
                        assertThat(passedIds).contains(row.value("request_id"));
                    } else {
                        assertThat(rejected.get(row.line())).as("codes of line %d", row.line()).isEqualTo(expect);
                    }
                }));
    }

    @Test
    void countsArrivedPassedRefusedAndEachReason() {
        assertThat(result.arrived()).isEqualTo(38);
        assertThat(result.passed()).isEqualTo(13);
        assertThat(result.refused()).isEqualTo(25);
        assertThat(result.refusedFor(RequestCode.REASON_BOILERPLATE)).isEqualTo(4);
        assertThat(result.refusedFor(RequestCode.ADDRESS_INCOMPLETE)).isEqualTo(4);
        assertThat(result.refusedFor(RequestCode.NAME_MISSING)).isEqualTo(2);
        assertThat(result.refusedByReason().keySet()).containsExactlyInAnyOrder(RequestCode.values());
    }

    @Test
    void aFileWithMoreThanFivePercentRefusedIsQuarantined() {
        assertThat(result.quarantined()).isTrue();
    }
}
