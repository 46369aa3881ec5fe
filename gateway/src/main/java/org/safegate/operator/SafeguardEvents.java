package org.safegate.operator;

import com.fasterxml.jackson.databind.JsonNode;
import org.safegate.SafegateException;

/**
 * A security officer's record of a safeguard event (a review, an SSR, a finding opened or closed,
 * a CAP submitted or updated) for one agency.
 */
public interface SafeguardEvents {
    /**
     * Validates the event, rewrites the agency's safeguard file atomically, reloads the policy set
     * and audits the change with the file's content before and after.
     *
     * @throws SafegateException NOT_FOUND for an unknown agency; BAD_INPUT naming the field for an
     *                           invalid event or one that would make the policy set invalid (nothing is
     *                           changed then)
     */
    SafeguardChange record(String agencyId, JsonNode event, String operator);

    /** What a recorded event changed. */
    record SafeguardChange(String agency, String eventType, String file, String before, String after) {
    }
}
