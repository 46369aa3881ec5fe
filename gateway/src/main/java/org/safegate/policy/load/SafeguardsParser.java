package org.safegate.policy.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Review;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Ssr;

/**
 * Reads {@code safeguards/<agency>.yaml}: review, SSR, findings and CAP. {@code ssr} is one
 * filing or a list of filings (the history, so that questions about past days have answers).
 */
final class SafeguardsParser {

    Optional<Safeguards> parse(MappingReader in, Problems problems) {
        int before = problems.errorCount();
        String agency = in.string("agency");
        Optional<Review> review = in.mapping("review", false).map(this::review);
        List<Ssr> ssrs = new ArrayList<>();
        for (MappingReader item : in.mappingOrList("ssr")) {
            Optional.ofNullable(ssr(item)).ifPresent(ssrs::add);
        }
        List<Finding> findings = new ArrayList<>();
        for (MappingReader item : in.mappingList("findings")) {
            finding(item).ifPresent(findings::add);
        }
        Optional<Cap> cap = in.mapping("cap", false).map(this::cap);
        in.rejectUnknownKeys();
        if (problems.errorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new Safeguards(agency, review, ssrs, findings, cap, in.source()));
    }

    private Review review(MappingReader in) {
        String id = in.string("id");
        LocalDate completed = in.date("completed");
        in.rejectUnknownKeys();
        return id == null || completed == null ? null : new Review(id, completed);
    }

    private Ssr ssr(MappingReader in) {
        Integer year = in.integer("year");
        LocalDate submitted = in.date("submitted");
        in.rejectUnknownKeys();
        if (year == null || submitted == null) {
            return null;
        }
        if (submitted.getYear() <= year) {
            in.problem(in.lineOf("submitted"), "submitted", ProblemCode.DATE_ORDER,
                    "an SSR for " + year + " cannot be submitted before that year ends (" + submitted + ")");
            return null;
        }
        return new Ssr(year, submitted);
    }

    private Optional<Finding> finding(MappingReader in) {
        String id = in.string("id");
        String severityText = in.string("severity");
        LocalDate opened = in.date("opened");
        String status = in.string("status");
        Optional<LocalDate> closed = in.optionalDate("closed");
        in.rejectUnknownKeys();
        if (id == null || severityText == null || opened == null || status == null) {
            return Optional.empty();
        }
        Optional<Severity> severity = Arrays.stream(Severity.values())
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(severityText)).findFirst();
        if (severity.isEmpty()) {
            in.problem(in.lineOf("severity"), "severity", ProblemCode.INVALID_VALUE,
                    "'" + severityText + "' is not a severity; use low, moderate, significant or critical");
            return Optional.empty();
        }
        if (!status.equals("open") && !status.equals("closed")) {
            in.problem(in.lineOf("status"), "status", ProblemCode.INVALID_VALUE,
                    "'" + status + "' is not a status; use open or closed");
            return Optional.empty();
        }
        if (status.equals("closed") && closed.isEmpty()) {
            in.problem(in.lineOf("status"), "closed", ProblemCode.MISSING_FIELD,
                    "a closed finding needs the date it was closed");
            return Optional.empty();
        }
        if (status.equals("open") && closed.isPresent()) {
            in.problem(in.lineOf("closed"), "closed", ProblemCode.INVALID_VALUE,
                    "an open finding cannot have a closed date");
            return Optional.empty();
        }
        if (closed.isPresent() && closed.get().isBefore(opened)) {
            in.problem(in.lineOf("closed"), "closed", ProblemCode.DATE_ORDER,
                    closed.get() + " is before opened " + opened);
            return Optional.empty();
        }
        return Optional.of(new Finding(id, severity.get(), opened, closed));
    }

    private Cap cap(MappingReader in) {
        LocalDate submitted = in.date("submitted");
        Optional<LocalDate> updated = in.optionalDate("updated");
        List<CapItem> items = new ArrayList<>();
        for (MappingReader item : in.mappingList("items")) {
            String finding = item.string("finding");
            String action = item.string("action");
            Optional<LocalDate> implementation = item.optionalDate("implementation-date");
            item.rejectUnknownKeys();
            if (finding != null && action != null) {
                items.add(new CapItem(finding, action, implementation));
            }
        }
        in.rejectUnknownKeys();
        if (submitted == null) {
            return null;
        }
        if (updated.isPresent() && updated.get().isBefore(submitted)) {
            in.problem(in.lineOf("updated"), "updated", ProblemCode.DATE_ORDER,
                    updated.get() + " is before submitted " + submitted);
            return null;
        }
        return new Cap(submitted, updated, items);
    }
}
