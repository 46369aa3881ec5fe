package org.safegate.policy.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A complete, validated policy set: every reference in it resolves. Immutable, so a running
 * gateway can swap one set for another atomically.
 */
public final class PolicySet {
    private final Map<String, Agency> agencies;
    private final Map<String, Agreement> agreements;
    private final Map<String, Safeguards> safeguards;
    private final Map<String, Operator> operators;
    private final Map<String, List<Agreement>> agreementsByRecipient;

    public PolicySet(Collection<Agency> agencies, Collection<Agreement> agreements,
                     Collection<Safeguards> safeguards, Collection<Operator> operators) {
        this.agencies = index(agencies, Agency::id);
        this.agreements = index(agreements, Agreement::id);
        this.safeguards = index(safeguards, Safeguards::agency);
        this.operators = index(operators, Operator::id);
        this.agreementsByRecipient = agreements.stream()
                .collect(Collectors.groupingBy(Agreement::recipient,
                        Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
    }

    private static <T> Map<String, T> index(Collection<T> items, Function<T, String> id) {
        // sorted, so listings are stable
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("duplicate id " + id.apply(a));
        }, java.util.TreeMap::new));
    }

    public Collection<Agency> agencies() {
        return agencies.values();
    }

    public Collection<Agreement> agreements() {
        return agreements.values();
    }

    public Collection<Operator> operators() {
        return operators.values();
    }

    public Collection<Safeguards> safeguards() {
        return safeguards.values();
    }

    public Optional<Agency> agency(String id) {
        return Optional.ofNullable(agencies.get(id));
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(agreements.get(id));
    }

    public Optional<Operator> operator(String id) {
        return Optional.ofNullable(operators.get(id));
    }

    /** The agency's safeguard record; an agency without a file has an empty record. */
    public Safeguards safeguardsOf(String agencyId) {
        Safeguards record = safeguards.get(agencyId);
        return record != null ? record : Safeguards.none(agencyId);
    }

    /** Whether the agency has a safeguard file at all. */
    public boolean hasSafeguards(String agencyId) {
        return safeguards.containsKey(agencyId);
    }

    /** The agreements under which the agency receives data. */
    public List<Agreement> agreementsTo(String recipientId) {
        return agreementsByRecipient.getOrDefault(recipientId, List.of());
    }
}
