package org.safegate.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safegate.policy.model.Cap;
import org.safegate.policy.model.CapItem;
import org.safegate.policy.model.Finding;
import org.safegate.policy.model.Review;
import org.safegate.policy.model.Safeguards;
import org.safegate.policy.model.Severity;
import org.safegate.policy.model.Source;
import org.safegate.policy.model.Ssr;

/**
 * Builds safeguard records for tests, starting from one that is current on {@link #DAY}:
 * reviewed 2025-06-01, SSR for 2025 filed 2026-01-20, one open moderate finding with a dated CAP
 * item, CAP updated 2025-12-01.
 */
final class Records {
    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private Optional<Review> review = Optional.of(new Review("R-1", LocalDate.of(2025, 6, 1)));
    private List<Ssr> ssrs = new ArrayList<>(List.of(new Ssr(2025, LocalDate.of(2026, 1, 20))));
    private final List<Finding> findings = new ArrayList<>(
            List.of(new Finding("F-1", Severity.MODERATE, LocalDate.of(2025, 6, 1), Optional.empty())));
    private Optional<LocalDate> capSubmitted = Optional.of(LocalDate.of(2025, 7, 1));
    private Optional<LocalDate> capUpdated = Optional.of(LocalDate.of(2025, 12, 1));
    private final List<CapItem> items = new ArrayList<>(
            List.of(new CapItem("F-1", "Fix access control", Optional.of(LocalDate.of(2026, 6, 30)))));

    static Records current() {
        return new Records();
    }

    Records noReview() {
        review = Optional.empty();
        return this;
    }

    Records reviewed(LocalDate completed) {
        review = Optional.of(new Review("R-1", completed));
        return this;
    }

    Records ssrs(Ssr... filings) {
        ssrs = new ArrayList<>(List.of(filings));
        return this;
    }

    Records noCap() {
        capSubmitted = Optional.empty();
        return this;
    }

    Records capRevised(LocalDate submitted, Optional<LocalDate> updated) {
        capSubmitted = Optional.of(submitted);
        capUpdated = updated;
        return this;
    }

    Records noCapItems() {
        items.clear();
        return this;
    }

    Records itemDate(Optional<LocalDate> date) {
        items.set(0, new CapItem("F-1", "Fix access control", date));
        return this;
    }

    Records finding(String id, Severity severity, LocalDate opened, Optional<LocalDate> itemDate) {
        findings.add(new Finding(id, severity, opened, Optional.empty()));
        items.add(new CapItem(id, "Mitigate " + id, itemDate));
        return this;
    }

    Records allFindingsClosed(LocalDate closed) {
        findings.replaceAll(f -> new Finding(f.id(), f.severity(), f.opened(), Optional.of(closed)));
        return this;
    }

    Safeguards build(String agency) {
        Optional<Cap> cap = capSubmitted.map(s -> new Cap(s, capUpdated, items));
        return new Safeguards(agency, review, ssrs, findings, cap, new Source(java.nio.file.Path.of("test"), 1, Map.of()));
    }

    Safeguards build() {
        return build("B");
    }
}
