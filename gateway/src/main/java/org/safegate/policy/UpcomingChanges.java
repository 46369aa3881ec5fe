package org.safegate.policy;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Reference;

/**
 * Everything that stops being current after a day, each with the first day it is no longer
 * current, by the same rules and settings as {@link SafeguardRules}, the certificate checks and the
 * overdue recalls.
 * The one computation behind {@code policy check --within}, {@code GET /api/policy/upcoming}, the
 * {@code safegate_days_until_not_current} gauge and the gateway's daily warnings, so they agree.
 */
public final class UpcomingChanges {
    private static final Comparator<UpcomingChange> ORDER = Comparator.comparing(UpcomingChange::day)
            .thenComparing(UpcomingChange::subject).thenComparing(UpcomingChange::kind)
            .thenComparing(UpcomingChange::what);

    private final UpcomingSafeguards safeguards;
    private final UpcomingSources sources;
    private final OverdueRecalls recalls;

    /** {@code recalls}: those the gate decides with ({@link SafeguardGate#recalls()}), so both agree. */
    public UpcomingChanges(SafeguardSettings settings, UpcomingSources sources, RecallObligations recalls) {
        this.safeguards = new UpcomingSafeguards(settings);
        this.sources = sources;
        this.recalls = new OverdueRecalls(recalls);
    }

    /**
     * As the running gateway sees it: everything through its key provider, and the recalls of its
     * store, by the settings its gate decides with (the defaults, as {@code app/Gateway} builds the gate).
     */
    public static UpcomingChanges forKeyStore(org.safegate.keys.KeyProvider keys, RecallObligations recalls) {
        return new UpcomingChanges(SafeguardSettings.DEFAULTS, UpcomingSources.keyStore(keys), recalls);
    }

    /** Every change that happens after {@code from} and no later than the window's end, by day. */
    public List<UpcomingChange> within(PolicySet set, LocalDate from, UpcomingWindow window) {
        return after(set, from).stream().filter(c -> window.contains(from, c.day())).toList();
    }

    /** Every change that happens after {@code from}, by day. */
    public List<UpcomingChange> after(PolicySet set, LocalDate from) {
        List<UpcomingChange> changes = new ArrayList<>();
        for (Agency agency : set.agencies()) {
            boolean providerOnly = set.agreementsTo(agency.id()).isEmpty() && !set.hasSafeguards(agency.id());
            if (!providerOnly) {
                changes.addAll(safeguards.of(set.safeguardsOf(agency.id()), from));
                changes.addAll(recalls.upcoming(agency.id(), from));
            }
            certificate(changes, agency.id(), "encryption", agency.certificate());
            agency.signingCertificate().ifPresent(ref -> certificate(changes, agency.id(), "signing", ref));
        }
        for (Agreement agreement : set.agreements()) {
            agreement.expires().ifPresent(expires -> changes.add(new UpcomingChange(expires,
                    UpcomingChange.Kind.AGREEMENT_EXPIRES, Optional.of(agreement.recipient()),
                    Optional.of(agreement.id()), "agreement " + agreement.id() + " (" + agreement.provider() + " to "
                            + agreement.recipient() + ") ends on " + expires)));
        }
        sources.gatewayCertificates().forEach((use, certificate) -> changes.add(expiry(Optional.empty(),
                "the gateway's " + use + " certificate " + certificate.getSubjectX500Principal().getName(),
                certificate)));
        for (X509CRL crl : sources.crls()) {
            if (crl.getNextUpdate() != null) {
                // a CRL must last the whole day a decision is for: it is stale on the day of its nextUpdate
                changes.add(new UpcomingChange(LocalDate.ofInstant(crl.getNextUpdate().toInstant(), ZoneOffset.UTC),
                        UpcomingChange.Kind.CRL_NEXT_UPDATE, Optional.empty(), Optional.empty(), "the CRL of "
                        + crl.getIssuerX500Principal().getName() + " reaches its nextUpdate "
                        + crl.getNextUpdate().toInstant() + "; files to certificates it covers are held"
                        + " (CERT_STATUS_UNKNOWN) until a newer CRL is installed"));
            }
        }
        return changes.stream().filter(c -> c.day().isAfter(from)).sorted(ORDER).toList();
    }

    /**
     * For each agency of the status: 0 when it is not current on the status's day (its safeguards,
     * or its certificate for an agreement it receives under), otherwise the days until the earliest
     * of its own and the gateway-wide changes; absent when nothing is ahead.
     */
    public static Map<String, Long> daysUntilNotCurrent(PolicyStatus status, List<UpcomingChange> after) {
        Map<String, Long> days = new TreeMap<>();
        for (PolicyStatus.AgencyStatus agency : status.agencies()) {
            if (agency.standing() == PolicyStatus.Standing.NOT_CURRENT || certificateRefused(status, agency.id())) {
                days.put(agency.id(), 0L);
                continue;
            }
            after.stream().filter(c -> c.affects(agency.id())).map(UpcomingChange::day).min(Comparator.naturalOrder())
                    .ifPresent(day -> days.put(agency.id(), ChronoUnit.DAYS.between(status.day(), day)));
        }
        return days;
    }

    private static boolean certificateRefused(PolicyStatus status, String agency) {
        return status.agreements().stream().filter(a -> a.agreement().recipient().equals(agency))
                .flatMap(a -> a.decision().reasons().stream()).anyMatch(r -> r.code().name().startsWith("CERT_"));
    }

    private void certificate(List<UpcomingChange> changes, String agency, String use, Reference reference) {
        sources.certificate(reference).ifPresent(certificate -> changes.add(expiry(Optional.of(agency),
                agency + "'s " + use + " certificate " + reference, certificate)));
    }

    /** A certificate counts as valid on a day it is valid at some moment of: it fails from the next day. */
    private static UpcomingChange expiry(Optional<String> agency, String name, X509Certificate certificate) {
        LocalDate lastDay = LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC);
        return new UpcomingChange(lastDay.plusDays(1), UpcomingChange.Kind.CERT_EXPIRES, agency, Optional.empty(),
                name + " expires " + certificate.getNotAfter().toInstant());
    }
}
