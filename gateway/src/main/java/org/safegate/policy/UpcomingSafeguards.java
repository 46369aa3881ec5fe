package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Ssr;

/**
 * The safeguard part of {@link UpcomingChanges}: for a record as it stands on a day, the first day
 * each rule of {@link SafeguardRules} would fail if nothing new is recorded. Each date here is the
 * inverse of a test there, so the two must change together.
 */
final class UpcomingSafeguards {
    private final SafeguardSettings settings;
    private final SafeguardRules rules;

    UpcomingSafeguards(SafeguardSettings settings) {
        this.settings = settings;
        this.rules = new SafeguardRules(settings);
    }

    List<UpcomingChange> of(Safeguards record, LocalDate from) {
        List<UpcomingChange> changes = new ArrayList<>();
        String agency = record.agency();
        record.review().filter(r -> !r.completed().isAfter(from)).ifPresent(review -> {
            LocalDate staleAfter = review.completed().plus(settings.reviewMaxAge());
            changes.add(change(staleAfter.plusDays(1), UpcomingChange.Kind.REVIEW_STALE, agency, "safeguard review "
                    + review.id() + " completed " + review.completed() + " becomes older than "
                    + settings.reviewMaxAge().getYears() + " years"));
        });
        ssr(changes, agency, record.ssrs().stream().filter(s -> !s.submitted().isAfter(from))
                .max(Comparator.comparingInt(Ssr::year)), from);
        List<Finding> open = record.findings().stream().filter(f -> f.isOpenOn(from)).toList();
        if (!open.isEmpty()) {
            record.cap().filter(c -> !c.submitted().isAfter(from)).ifPresent(cap -> cap(changes, agency, cap, open, from));
            for (Finding finding : open) {
                if (finding.severity() == Severity.CRITICAL) {
                    LocalDate windowEnds = finding.opened().plusDays(settings.criticalMitigationDays());
                    changes.add(change(windowEnds.plusDays(1), UpcomingChange.Kind.CRITICAL_MITIGATION_DUE, agency,
                            "the mitigation window of critical finding " + finding.id() + " ends " + windowEnds));
                }
            }
        }
        return changes;
    }

    /** The next reporting year without a filing: the agency stops being current the day after it is due. */
    private void ssr(List<UpcomingChange> changes, String agency, Optional<Ssr> latest, LocalDate from) {
        int year = Math.max(latest.map(s -> s.year() + 1).orElse(Integer.MIN_VALUE), rules.ssrYearDue(from) + 1);
        LocalDate due = rules.dueDate(year);
        changes.add(change(due.plusDays(1), UpcomingChange.Kind.SSR_DUE, agency, "the Safeguard Security Report for "
                + year + " is due " + due + " ("
                + latest.map(s -> "latest on record is for " + s.year()).orElse("none on record") + ")"));
    }

    private void cap(List<UpcomingChange> changes, String agency, Cap cap, List<Finding> open, LocalDate from) {
        LocalDate lastRevised = cap.updated().filter(u -> !u.isAfter(from)).filter(u -> u.isAfter(cap.submitted()))
                .orElse(cap.submitted());
        LocalDate staleAfter = lastRevised.plus(settings.capMaxAge());
        changes.add(change(staleAfter.plusDays(1), UpcomingChange.Kind.CAP_UPDATE_DUE, agency, "an update of the"
                + " Corrective Action Plan (last submitted or updated " + lastRevised + ") is due by " + staleAfter));
        for (Finding finding : open) {
            for (CapItem item : cap.items()) {
                if (item.finding().equals(finding.id()) && item.implementationDate().isPresent()) {
                    LocalDate date = item.implementationDate().get();
                    changes.add(change(date.plusDays(1), UpcomingChange.Kind.CAP_ITEM_DUE, agency, "CAP item \""
                            + item.action() + "\" for open finding " + finding.id() + " is due " + date));
                }
            }
        }
    }

    private static UpcomingChange change(LocalDate day, UpcomingChange.Kind kind, String agency, String what) {
        return new UpcomingChange(day, kind, Optional.of(agency), Optional.empty(), what);
    }
}
