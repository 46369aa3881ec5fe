package org.safegate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Ssr;

/** The denial catalogue of the safeguard rules, one row per reason code, and their boundary days. */
class SafeguardRulesTest {
    private static final LocalDate DAY = Records.DAY;
    private final SafeguardRules rules = new SafeguardRules(SafeguardSettings.DEFAULTS);

    @Test
    void theBaselineRecordIsCurrent() {
        assertThat(rules.evaluate(Records.current().build(), DAY)).isEmpty();
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                row(ReasonCode.REVIEW_MISSING, r -> r.noReview(), "no safeguard review"),
                row(ReasonCode.REVIEW_STALE, r -> r.reviewed(LocalDate.of(2023, 2, 28)), "2023-02-28"),
                row(ReasonCode.SSR_MISSING, r -> r.ssrs(new Ssr(2024, LocalDate.of(2025, 1, 20))), "for 2025"),
                row(ReasonCode.SSR_LATE, r -> r.ssrs(new Ssr(2025, LocalDate.of(2026, 2, 10))), "2026-02-10"),
                row(ReasonCode.CAP_MISSING, r -> r.noCap(), "F-1"),
                row(ReasonCode.CAP_STALE, r -> r.capRevised(LocalDate.of(2025, 7, 1), Optional.empty()), "2025-07-01"),
                row(ReasonCode.CAP_ITEM_MISSING, r -> r.noCapItems(), "F-1"),
                row(ReasonCode.CAP_ITEM_UNDATED, r -> r.itemDate(Optional.empty()), "F-1"),
                row(ReasonCode.CAP_ITEM_OVERDUE, r -> r.itemDate(Optional.of(LocalDate.of(2026, 2, 28))), "2026-02-28"),
                row(ReasonCode.CRITICAL_FINDING_OPEN,
                        r -> r.finding("F-9", Severity.CRITICAL, LocalDate.of(2026, 2, 1), Optional.of(DAY.plusMonths(1))),
                        "F-9"));
    }

    private static Arguments row(ReasonCode code, UnaryOperator<Records> change, String named) {
        return Arguments.of(code, change, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachRuleDeniesWithItsOwnCodeAndNamesWhatFailed(ReasonCode code, UnaryOperator<Records> change, String named) {
        List<Reason> reasons = rules.evaluate(change.apply(Records.current()).build(), DAY);

        assertThat(reasons).extracting(Reason::code).containsExactly(code);
        assertThat(reasons.get(0).message()).startsWith("B is not current: ").contains(named);
    }

    @Test
    void everyFailedRuleIsReportedNotJustTheFirst() {
        List<Reason> reasons = rules.evaluate(Records.current()
                .reviewed(LocalDate.of(2020, 1, 1))
                .ssrs()
                .itemDate(Optional.empty())
                .finding("F-2", Severity.SIGNIFICANT, LocalDate.of(2025, 6, 1), Optional.empty())
                .build(), DAY);

        assertThat(reasons).extracting(Reason::code).containsExactly(ReasonCode.REVIEW_STALE, ReasonCode.SSR_MISSING,
                ReasonCode.CAP_ITEM_UNDATED, ReasonCode.CAP_ITEM_UNDATED);
        assertThat(reasons.get(2).message()).contains("F-1");
        assertThat(reasons.get(3).message()).contains("F-2");
    }

    @Test
    void withNoOpenFindingNoCapIsNeeded() {
        assertThat(rules.evaluate(Records.current().noCap().allFindingsClosed(LocalDate.of(2026, 1, 1)).build(), DAY))
                .isEmpty();
    }

    @Test
    void aFindingClosedAfterTheDayWasStillOpenOnIt() {
        Records record = Records.current().itemDate(Optional.empty()).allFindingsClosed(DAY.plusDays(1));

        assertThat(codes(record, DAY)).containsExactly(ReasonCode.CAP_ITEM_UNDATED);
        assertThat(codes(record, DAY.plusDays(1))).isEmpty();
    }

    @Test
    void filingsDatedAfterTheDayDoNotCountYet() {
        Records record = Records.current().reviewed(DAY.plusDays(1));

        assertThat(codes(record, DAY)).containsExactly(ReasonCode.REVIEW_MISSING);
    }

    @ParameterizedTest(name = "review completed 2023-03-01, evaluated {0}: {1}")
    @CsvSource({"2026-02-28, ''", "2026-03-01, ''", "2026-03-02, REVIEW_STALE"})
    void reviewIsStaleTheDayAfterThreeYears(LocalDate day, String expected) {
        assertThat(codes(Records.current().reviewed(LocalDate.of(2023, 3, 1)), day)).isEqualTo(expectedCodes(expected));
    }

    @ParameterizedTest(name = "only the SSR for 2025 on file, evaluated {0}: {1}")
    @CsvSource({"2027-01-30, ''", "2027-01-31, ''", "2027-02-01, SSR_MISSING"})
    void theNextSsrIsRequiredOnceItsDueDatePasses(LocalDate day, String expected) {
        Records record = Records.current().reviewed(LocalDate.of(2026, 6, 1))
                .allFindingsClosed(LocalDate.of(2026, 1, 1));
        assertThat(codes(record, day)).isEqualTo(expectedCodes(expected));
    }

    @ParameterizedTest(name = "SSR for 2025 submitted {0}: {1}")
    @CsvSource({"2026-01-30, ''", "2026-01-31, ''", "2026-02-01, SSR_LATE"})
    void anSsrSubmittedAfterItsDueDateIsLate(LocalDate submitted, String expected) {
        assertThat(codes(Records.current().ssrs(new Ssr(2025, submitted)), DAY)).isEqualTo(expectedCodes(expected));
    }

    @Test
    void ssrGraceIsASetting() {
        SafeguardRules lenient = new SafeguardRules(new SafeguardSettings(Period.ofYears(3), MonthDay.of(1, 31), 10,
                Period.ofMonths(6), 7));
        Records record = Records.current().ssrs(new Ssr(2025, LocalDate.of(2026, 2, 10)));

        assertThat(lenient.evaluate(record.build(), DAY)).isEmpty();
        assertThat(codes(record, DAY)).containsExactly(ReasonCode.SSR_LATE);
    }

    @ParameterizedTest(name = "CAP last revised 2025-09-01, evaluated {0}: {1}")
    @CsvSource({"2026-02-28, ''", "2026-03-01, ''", "2026-03-02, CAP_STALE"})
    void capIsStaleTheDayAfterSixMonths(LocalDate day, String expected) {
        Records record = Records.current().capRevised(LocalDate.of(2025, 7, 1), Optional.of(LocalDate.of(2025, 9, 1)));
        assertThat(codes(record, day)).isEqualTo(expectedCodes(expected));
    }

    @ParameterizedTest(name = "CAP item due 2026-03-01, evaluated {0}: {1}")
    @CsvSource({"2026-02-28, ''", "2026-03-01, ''", "2026-03-02, CAP_ITEM_OVERDUE"})
    void capItemIsOverdueTheDayAfterItsDate(LocalDate day, String expected) {
        assertThat(codes(Records.current().itemDate(Optional.of(LocalDate.of(2026, 3, 1))), day))
                .isEqualTo(expectedCodes(expected));
    }

    @ParameterizedTest(name = "critical finding opened 2026-02-20, evaluated {0}: {1}")
    @CsvSource({"2026-02-26, ''", "2026-02-27, ''", "2026-02-28, CRITICAL_FINDING_OPEN"})
    void criticalFindingMayStayOpenSevenDays(LocalDate day, String expected) {
        Records record = Records.current().finding("F-9", Severity.CRITICAL, LocalDate.of(2026, 2, 20),
                Optional.of(LocalDate.of(2026, 6, 1)));
        assertThat(codes(record, day)).isEqualTo(expectedCodes(expected));
    }

    private List<ReasonCode> codes(Records record, LocalDate day) {
        return rules.evaluate(record.build(), day).stream().map(Reason::code).toList();
    }

    private static List<ReasonCode> expectedCodes(String csv) {
        return csv.isEmpty() ? List.of() : Stream.of(csv.split(" ")).map(ReasonCode::valueOf).toList();
    }
}
