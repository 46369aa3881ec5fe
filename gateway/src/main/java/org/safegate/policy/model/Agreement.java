package org.safegate.policy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-sharing agreement: the provider may disclose the listed categories to the recipient
 * under the stated authority, from {@code effective} until (not including) {@code expires}.
 *
 * @param redisclosure agencies the recipient may pass the data on to, each under its own agreement
 * @param requestRules the record-level request checks applied under this agreement, if any
 * @param requestStatutes what its requests may cite besides {@code authority}, when the agreement
 *                        says ({@code request-statutes}); empty: the gateway's default
 *                        ({@code safegate.requests.allowed-statutes})
 */
public record Agreement(
        String id,
        String provider,
        String recipient,
        String authority,
        String purpose,
        List<String> categories,
        LocalDate effective,
        Optional<LocalDate> expires,
        List<String> redisclosure,
        Optional<String> requestRules,
        Source source,
        Optional<List<String>> requestStatutes) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(purpose, "purpose");
        categories = List.copyOf(categories);
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(expires, "expires");
        redisclosure = List.copyOf(redisclosure);
        Objects.requireNonNull(requestRules, "requestRules");
        requestStatutes = requestStatutes.map(List::copyOf);
    }

    /** An agreement that leaves its requests' statutes to the gateway's default. */
    public Agreement(String id, String provider, String recipient, String authority, String purpose,
                     List<String> categories, LocalDate effective, Optional<LocalDate> expires,
                     List<String> redisclosure, Optional<String> requestRules, Source source) {
        this(id, provider, recipient, authority, purpose, categories, effective, expires, redisclosure, requestRules,
                source, Optional.empty());
    }

    /**
     * The statutes a request under this agreement may cite: its authority and those it lists, or,
     * when it lists none, those of {@code defaults}.
     */
    public List<String> requestStatutes(List<String> defaults) {
        List<String> allowed = new java.util.ArrayList<>(requestStatutes.orElse(defaults));
        allowed.add(authority);
        return allowed;
    }

    /** True when the agreement is in force on the given day. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effective) && expires.map(day::isBefore).orElse(true);
    }

    public boolean covers(String category) {
        return categories.contains(category);
    }

    public boolean allowsRedisclosureTo(String agencyId) {
        return redisclosure.contains(agencyId);
    }
}
