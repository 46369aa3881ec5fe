package org.safegate.admin;

import java.util.Map;

/**
 * What {@code GET /api/health} reports: whether the store and the keys are usable, and each
 * agency's local endpoints.
 */
public record Readiness(boolean store, boolean keys, Map<String, Boolean> endpoints) {
    public Readiness {
        endpoints = Map.copyOf(endpoints);
    }

    /** Ready when everything is usable. */
    public boolean ready() {
        return store && keys && !endpoints.containsValue(false);
    }
}
