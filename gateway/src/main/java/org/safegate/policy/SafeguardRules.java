package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Review;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Ssr;

/**
 * Whether an agency's safeguards are current on a day: the review, SSR, CAP and critical-finding
 * rules tabled in docs/policy-check.md. The record is read as of that day: reviews, filings and
 * findings dated after it do not count, so a question about a past or future day gets the answer
 * it would have had then.
 */
public final class SafeguardRules {
    private final SafeguardSettings settings;

    public SafeguardRules(SafeguardSettings settings) {
        this.settings = settings;
    }

    /** Every rule the record fails on the day; empty when the agency is current. */
    public List<Reason> evaluate(Safeguards record, LocalDate day) {
        List<Reason> reasons = new ArrayList<>(2);
        String agency = record.agency();
        checkReview(agency, record.review().filter(r -> !r.completed().isAfter(day)), day, reasons);
        checkSsr(agency, record.ssrs().stream().filter(s -> !s.submitted().isAfter(day))
                .max(Comparator.comparingInt(Ssr::year)), day, reasons);
        List<Finding> open = record.findings().stream().filter(f -> f.isOpenOn(day)).toList();
        if (!open.isEmpty()) {
            checkCap(agency, open, record.cap().filter(c -> !c.submitted().isAfter(day)), day, reasons);
            checkCritical(agency, open, day, reasons);
        }
        return reasons;
    }

    private void checkReview(String agency, Optional<Review> review, LocalDate day, List<Reason> reasons) {
        if (review.isEmpty()) {
            reasons.add(notCurrent(ReasonCode.REVIEW_MISSING, agency, "it has no safeguard review on record"));
            return;
        }
        LocalDate staleAfter = review.get().completed().plus(settings.reviewMaxAge());
        if (day.isAfter(staleAfter)) {
            reasons.add(notCurrent(ReasonCode.REVIEW_STALE, agency, "its last safeguard review "
                    + review.get().id() + " was completed " + review.get().completed()
                    + "; reviews older than " + settings.reviewMaxAge().getYears() + " years are stale (since "
                    + staleAfter.plusDays(1) + ")"));
        }
    }

    private void checkSsr(String agency, Optional<Ssr> ssr, LocalDate day, List<Reason> reasons) {
        int yearDue = ssrYearDue(day);
        LocalDate due = dueDate(yearDue);
        if (ssr.isEmpty() || ssr.get().year() < yearDue) {
            String latest = ssr.map(s -> "latest on record is for " + s.year()).orElse("none on record");
            reasons.add(notCurrent(ReasonCode.SSR_MISSING, agency, "it has not filed its Safeguard Security Report for "
                    + yearDue + ", due " + due + " (" + latest + ")"));
            return;
        }
        LocalDate ownDue = dueDate(ssr.get().year());
        if (ssr.get().submitted().isAfter(ownDue)) {
            reasons.add(notCurrent(ReasonCode.SSR_LATE, agency, "its Safeguard Security Report for " + ssr.get().year()
                    + " was submitted " + ssr.get().submitted() + ", after its due date " + ownDue));
        }
    }

    /** The latest reporting year whose SSR deadline (plus grace) has passed by the day. */
    int ssrYearDue(LocalDate day) {
        int year = day.getYear();
        return day.isAfter(dueDate(year - 1)) ? year - 1 : year - 2;
    }

    /** The last day an SSR for the reporting year counts as on time. */
    LocalDate dueDate(int reportingYear) {
        return settings.ssrDue().atYear(reportingYear + 1).plusDays(settings.ssrGraceDays());
    }

    private void checkCap(String agency, List<Finding> open, Optional<Cap> cap, LocalDate day, List<Reason> reasons) {
        if (cap.isEmpty()) {
            reasons.add(notCurrent(ReasonCode.CAP_MISSING, agency, "it has open finding(s) " + ids(open)
                    + " but no Corrective Action Plan"));
            return;
        }
        LocalDate lastRevised = cap.get().updated().filter(u -> !u.isAfter(day))
                .filter(u -> u.isAfter(cap.get().submitted())).orElse(cap.get().submitted());
        LocalDate staleAfter = lastRevised.plus(settings.capMaxAge());
        if (day.isAfter(staleAfter)) {
            reasons.add(notCurrent(ReasonCode.CAP_STALE, agency, "its Corrective Action Plan was last submitted or updated "
                    + lastRevised + "; an update was due by " + staleAfter));
        }
        for (Finding finding : open) {
            List<CapItem> items = cap.get().items().stream().filter(i -> i.finding().equals(finding.id())).toList();
            if (items.isEmpty()) {
                reasons.add(notCurrent(ReasonCode.CAP_ITEM_MISSING, agency, "finding "
                        + finding.id() + " is open and the Corrective Action Plan has no item for it"));
            }
            for (CapItem item : items) {
                checkItem(agency, finding, item, day, reasons);
            }
        }
    }

    private static void checkItem(String agency, Finding finding, CapItem item, LocalDate day, List<Reason> reasons) {
        if (item.implementationDate().isEmpty()) {
            reasons.add(notCurrent(ReasonCode.CAP_ITEM_UNDATED, agency, "finding " + finding.id()
                    + " is open and its CAP item \"" + item.action() + "\" has no implementation date"));
        } else if (item.implementationDate().get().isBefore(day)) {
            reasons.add(notCurrent(ReasonCode.CAP_ITEM_OVERDUE, agency, "finding " + finding.id()
                    + " is still open after its CAP item \"" + item.action() + "\" was due on "
                    + item.implementationDate().get()));
        }
    }

    private void checkCritical(String agency, List<Finding> open, LocalDate day, List<Reason> reasons) {
        for (Finding finding : open) {
            LocalDate windowEnds = finding.opened().plusDays(settings.criticalMitigationDays());
            if (finding.severity() == Severity.CRITICAL && day.isAfter(windowEnds)) {
                reasons.add(notCurrent(ReasonCode.CRITICAL_FINDING_OPEN, agency, "critical finding "
                        + finding.id() + " opened " + finding.opened() + " is still open after its "
                        + settings.criticalMitigationDays() + "-day mitigation window ended " + windowEnds));
            }
        }
    }

    private static Reason notCurrent(ReasonCode code, String agency, String detail) {
        return new Reason(code, agency + " is not current: " + detail);
    }

    private static String ids(List<Finding> findings) {
        return String.join(", ", findings.stream().map(Finding::id).toList());
    }
}
