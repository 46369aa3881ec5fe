package org.safegate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.safegate.policy.UpcomingFixture.FROM;
import static org.safegate.policy.UpcomingFixture.NOW;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.crypto.ExampleCa;
import org.safegate.policy.UpcomingChange.Kind;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Reference;

/** What stops being current ahead of a day, and the day each happens, on the fixture's dated record. */
class UpcomingChangesTest {
    @TempDir
    Path dir;

    private PolicySet set;

    @BeforeEach
    void setUp() {
        set = UpcomingFixture.load(dir);
    }

    @Test
    void within30DaysListsTheCrlTheCertificateAndTheSsrByDay() {
        List<UpcomingChange> changes = changes(crlIn(Duration.ofDays(5))).within(set, FROM, UpcomingWindow.ofDays(30));

        assertThat(changes).extracting(UpcomingChange::day, UpcomingChange::kind, UpcomingChange::subject).containsExactly(
                tuple(FROM.plusDays(5), Kind.CRL_NEXT_UPDATE, "(gateway)"),
                tuple(FROM.plusDays(11), Kind.CERT_EXPIRES, "ICE"),
                tuple(FROM.plusDays(21), Kind.SSR_DUE, "ICE"));
        assertThat(changes.get(2).what()).contains("Safeguard Security Report for " + (FROM.getYear() - 1))
                .contains("is due " + FROM.plusDays(20));
        assertThat(changes.get(1).what()).contains("ICE's encryption certificate").contains("expires");
    }

    @Test
    void within60DaysAddsTheStaleReviewAndTheCapItemButNotTheAgreementOrTheCapUpdate() {
        List<UpcomingChange> changes = changes(crlIn(Duration.ofDays(5))).within(set, FROM, UpcomingWindow.ofDays(60));

        assertThat(changes).extracting(UpcomingChange::day, UpcomingChange::kind).containsExactly(
                tuple(FROM.plusDays(5), Kind.CRL_NEXT_UPDATE),
                tuple(FROM.plusDays(11), Kind.CERT_EXPIRES),
                tuple(FROM.plusDays(21), Kind.SSR_DUE),
                // reviewed 2 years 11 months ago: stale the day after it turns 3 years old
                tuple(FROM.minusYears(2).minusMonths(11).plusYears(3).plusDays(1), Kind.REVIEW_STALE),
                tuple(FROM.plusDays(41), Kind.CAP_ITEM_DUE));
    }

    @Test
    void furtherAheadTheAgreementEndsOnItsExpiryDayAndTheCapUpdateFallsDue() {
        List<UpcomingChange> changes = changes(null).after(set, FROM);

        assertThat(changes).filteredOn(c -> c.kind() == Kind.AGREEMENT_EXPIRES)
                .extracting(UpcomingChange::day, UpcomingChange::agency, UpcomingChange::agreement)
                .containsExactly(tuple(FROM.plusDays(90), Optional.of("ICE"), Optional.of("IRS-ICE")));
        assertThat(changes).filteredOn(c -> c.kind() == Kind.CAP_UPDATE_DUE).extracting(UpcomingChange::day)
                .containsExactly(FROM.minusDays(10).plusMonths(6).plusDays(1));
        assertThat(changes).extracting(UpcomingChange::day).isSorted().allMatch(day -> day.isAfter(FROM));
    }

    @Test
    void eachDayIsTheFirstOnWhichTheGateRefuses() {
        SafeguardGate gate = gate();
        List<UpcomingChange> ice = changes(null).within(set, FROM, UpcomingWindow.ofDays(200)).stream()
                .filter(c -> c.affects("ICE") && c.agency().isPresent()).toList();
        assertThat(ice).extracting(UpcomingChange::kind).contains(Kind.AGREEMENT_EXPIRES, Kind.CAP_UPDATE_DUE);
        for (UpcomingChange change : ice) {
            assertThat(codes(gate, change.day().minusDays(1))).as("the day before " + change)
                    .doesNotContain(change.kind().reasonCode());
            assertThat(codes(gate, change.day())).as("on the day of " + change).contains(change.kind().reasonCode());
        }
    }

    /** Every reason ICE is refused for on the day: its own standing and each agreement to it. */
    private List<String> codes(SafeguardGate gate, LocalDate day) {
        PolicyStatus status = PolicyStatus.of(set, gate, day);
        return java.util.stream.Stream.concat(
                status.agencies().stream().filter(a -> a.id().equals("ICE")).flatMap(a -> a.reasons().stream()),
                status.agreements().stream().flatMap(a -> a.decision().reasons().stream()))
                .map(r -> r.code().name()).toList();
    }

    @Test
    void daysUntilNotCurrentCountsTheEarliestChangeIncludingTheGatewaysAndIsZeroWhenNotCurrent() {
        UpcomingChanges withCrl = changes(crlIn(Duration.ofDays(5)));
        UpcomingChanges withoutCrl = changes(null);

        assertThat(UpcomingChanges.daysUntilNotCurrent(PolicyStatus.of(set, gate(), FROM), withCrl.after(set, FROM)))
                .containsExactly(Map.entry("ICE", 5L), Map.entry("IRS", 5L));
        assertThat(UpcomingChanges.daysUntilNotCurrent(PolicyStatus.of(set, gate(), FROM), withoutCrl.after(set, FROM)))
                .containsExactly(Map.entry("ICE", 11L), Map.entry("IRS", 401L));
        LocalDate later = FROM.plusDays(12);
        assertThat(UpcomingChanges.daysUntilNotCurrent(PolicyStatus.of(set, gate(), later), withoutCrl.after(set, later)))
                .containsEntry("ICE", 0L);
    }

    @Test
    void windowReadsDaysAndIsoPeriodsAndRefusesTheRest() {
        assertThat(UpcomingWindow.parse("60d").period()).isEqualTo(Period.ofDays(60));
        assertThat(UpcomingWindow.parse("P60D").period()).isEqualTo(Period.ofDays(60));
        assertThat(UpcomingWindow.parse("P2M").until(FROM)).isEqualTo(FROM.plusMonths(2));
        assertThatThrownBy(() -> UpcomingWindow.parse("abc")).hasMessageContaining("'abc' is not a period")
                .hasMessageContaining("60d");
        assertThatThrownBy(() -> UpcomingWindow.parse("-5d")).hasMessageContaining("'-5d' is not a period ahead");
        assertThatThrownBy(() -> UpcomingWindow.parse("0d")).hasMessageContaining("not a period ahead");
        assertThatThrownBy(() -> UpcomingWindow.parse("P-3D")).hasMessageContaining("not a period ahead");
    }

    private SafeguardGate gate() {
        return SafeguardGate.create(() -> set, SafeguardSettings.DEFAULTS, new InMemoryRevocations(),
                RecallObligations.NONE, PemCertificateCheck.forTransfers(dir));
    }

    private UpcomingChanges changes(X509CRL crl) {
        UpcomingSources files = UpcomingSources.policyFiles(dir);
        return new UpcomingChanges(SafeguardSettings.DEFAULTS, new UpcomingSources() {
            @Override
            public Optional<X509Certificate> certificate(Reference reference) {
                return files.certificate(reference);
            }

            @Override
            public Map<String, X509Certificate> gatewayCertificates() {
                return Map.of();
            }

            @Override
            public List<X509CRL> crls() {
                return crl == null ? List.of() : List.of(crl);
            }
        }, RecallObligations.NONE);
    }

    private static X509CRL crlIn(Duration untilNextUpdate) {
        return ExampleCa.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(untilNextUpdate));
    }
}
