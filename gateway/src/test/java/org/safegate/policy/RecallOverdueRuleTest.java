package org.safegate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safegate.policy.UpcomingFixture.FROM;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.policy.UpcomingChange.Kind;
import org.safegate.policy.model.PolicySet;

/**
 * {@code RECALL_OVERDUE}: a holder with a recall item open past its due date is not current, from
 * the day the day rule names, in the gate's decisions, its status and the upcoming changes alike;
 * and current again at the next decision once nothing is open. ICE is otherwise current on the
 * fixture's days.
 */
class RecallOverdueRuleTest {
    /** Due at the start of a day: overdue from that very day. */
    private static final Instant AT_MIDNIGHT = FROM.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** Due during a day: overdue from the day after. */
    private static final Instant AT_TWO_PM = FROM.plusDays(5).atTime(14, 0).toInstant(ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** What ICE owes, as a store would answer it: changed between decisions, read at each. */
    private final Map<String, List<RecallObligations.Open>> owed = new ConcurrentHashMap<>();
    private PolicySet set;
    private SafeguardGate gate;

    @BeforeEach
    void setUp() {
        set = UpcomingFixture.load(dir);
        gate = SafeguardGate.create(() -> set, SafeguardSettings.DEFAULTS, new InMemoryRevocations(),
                agency -> owed.getOrDefault(agency, List.of()), PemCertificateCheck.forTransfers(dir));
        owed.put("ICE", List.of(new RecallObligations.Open("R-A", 2, AT_MIDNIGHT),
                new RecallObligations.Open("R-B", 1, AT_TWO_PM)));
    }

    private Decision toIce(LocalDate day) {
        return gate.decide(TransferRequest.disclosure("IRS", "IRS-ICE", "last-known-address", day));
    }

    @Test
    void theDayRuleCountsADueInstantAtOrBeforeTheStartOfTheDay() {
        assertThat(new RecallObligations.Open("R", 1, Instant.parse("2027-01-31T00:00:00Z")).overdueFrom())
                .isEqualTo(LocalDate.parse("2027-01-31"));
        assertThat(new RecallObligations.Open("R", 1, Instant.parse("2027-01-31T14:00:00Z")).overdueFrom())
                .isEqualTo(LocalDate.parse("2027-02-01"));
        assertThat(new RecallObligations.Open("R", 1, Instant.parse("2027-01-31T00:00:00.001Z")).overdueFrom())
                .isEqualTo(LocalDate.parse("2027-02-01"));
    }

    @Test
    void theGateDeniesRecallOverdueOnAndAfterTheOverdueDayAndNotBefore() {
        assertThat(toIce(FROM.plusDays(2)).permitted()).as(toIce(FROM.plusDays(2)).summary()).isTrue();
        assertThat(gate.status("ICE", FROM.plusDays(2)).permitted()).isTrue();

        Decision onTheDay = toIce(FROM.plusDays(3));
        assertThat(onTheDay.codes()).containsExactly(ReasonCode.RECALL_OVERDUE);
        assertThat(onTheDay.reasons().get(0).message()).isEqualTo("ICE is not current: it has not certified"
                + " disposal of recalled data past its due date: recall R-A (2 item(s), due " + AT_MIDNIGHT + ")");
        assertThat(onTheDay.reasons().get(0).shared()).isEqualTo(onTheDay.reasons().get(0).message());
        assertThat(toIce(FROM.plusDays(5)).reasons()).singleElement()
                .satisfies(r -> assertThat(r.message()).doesNotContain("R-B"));

        Decision later = toIce(FROM.plusDays(6));
        assertThat(later.reasons()).singleElement().satisfies(r -> assertThat(r.message())
                .contains("recall R-A (2 item(s), due " + AT_MIDNIGHT + "), recall R-B (1 item(s), due "
                        + AT_TWO_PM + ")"));
        PolicyStatus.AgencyStatus ice = PolicyStatus.standing(set, gate, set.agency("ICE").orElseThrow(),
                FROM.plusDays(6));
        assertThat(ice.standing()).isEqualTo(PolicyStatus.Standing.NOT_CURRENT);
        assertThat(ice.reasons()).extracting(Reason::code).containsExactly(ReasonCode.RECALL_OVERDUE);
    }

    @Test
    void aHolderWhoseItemsAreNoLongerOpenIsCurrentAgainAtTheNextDecision() {
        assertThat(toIce(FROM.plusDays(6)).permitted()).isFalse();

        owed.put("ICE", List.of(new RecallObligations.Open("R-B", 1, AT_TWO_PM)));
        assertThat(toIce(FROM.plusDays(6)).reasons()).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("R-B").doesNotContain("R-A"));

        owed.remove("ICE");
        assertThat(toIce(FROM.plusDays(6)).permitted()).isTrue();
        assertThat(gate.status("ICE", FROM.plusDays(6)).permitted()).isTrue();
    }

    @Test
    void withoutAStoreNoRecallIsEverOverdue() {
        SafeguardGate planning = SafeguardGate.create(() -> set, SafeguardSettings.DEFAULTS,
                new InMemoryRevocations(), RecallObligations.NONE, PemCertificateCheck.forTransfers(dir));

        assertThat(planning.decide(TransferRequest.disclosure("IRS", "IRS-ICE", "last-known-address",
                FROM.plusDays(6))).permitted()).isTrue();
    }

    @Test
    void upcomingChangesListEachRecallOnTheDayItsItemsBecomeOverdueAsTheGateRefuses() {
        UpcomingChanges upcoming = new UpcomingChanges(SafeguardSettings.DEFAULTS, UpcomingSources.policyFiles(dir),
                gate.recalls());

        List<UpcomingChange> recalls = upcoming.within(set, FROM, UpcomingWindow.ofDays(30)).stream()
                .filter(c -> c.kind() == Kind.RECALL_DUE).toList();

        assertThat(recalls).extracting(UpcomingChange::day, UpcomingChange::subject).containsExactly(
                tuple(FROM.plusDays(3), "ICE"), tuple(FROM.plusDays(6), "ICE"));
        assertThat(recalls.get(0).what()).isEqualTo("ICE has not certified disposal of 2 item(s) of recall R-A, due "
                + AT_MIDNIGHT);
        assertThat(recalls.get(0).kind().reasonCode()).isEqualTo("RECALL_OVERDUE");
        for (UpcomingChange change : recalls) {
            String recall = change.what().contains("R-A") ? "recall R-A" : "recall R-B";
            assertThat(toIce(change.day().minusDays(1)).summary()).as("the day before " + change).doesNotContain(recall);
            assertThat(toIce(change.day()).reasons()).as("on the day of " + change)
                    .anyMatch(r -> r.code() == ReasonCode.RECALL_OVERDUE && r.message().contains(recall));
        }
        assertThat(upcoming.within(set, FROM.plusDays(3), UpcomingWindow.ofDays(30)))
                .as("an item overdue already is not upcoming: the status says it")
                .filteredOn(c -> c.kind() == Kind.RECALL_DUE).extracting(UpcomingChange::day)
                .containsExactly(FROM.plusDays(6));
        assertThat(UpcomingChanges.daysUntilNotCurrent(PolicyStatus.of(set, gate, FROM), upcoming.after(set, FROM)))
                .containsEntry("ICE", 3L);
        assertThat(UpcomingChanges.daysUntilNotCurrent(PolicyStatus.of(set, gate, FROM.plusDays(3)),
                upcoming.after(set, FROM.plusDays(3)))).containsEntry("ICE", 0L);
    }
}
