package org.safegate.inspect;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.safegate.inspect.rules.RequestCode;

/**
 * What an inspection found: how many records arrived, passed and were refused, how many records
 * failed each rule (a record failing two rules counts under both), and whether the file must be
 * quarantined whole because its refused share exceeds the setting. These are the audit counts.
 *
 * @param quarantined true: nothing of the file may go to the data holder, not even the passed records
 */
public record InspectionResult(long arrived, long passed, long refused, Map<RequestCode, Long> refusedByReason,
                               boolean quarantined) {
    public InspectionResult {
        EnumMap<RequestCode, Long> copy = new EnumMap<>(RequestCode.class);
        copy.putAll(refusedByReason);
        refusedByReason = Collections.unmodifiableMap(copy);
        if (arrived != passed + refused) {
            throw new IllegalArgumentException("arrived must be passed + refused");
        }
    }

    /** How many records failed the rule (0 when none). */
    public long refusedFor(RequestCode code) {
        return refusedByReason.getOrDefault(code, 0L);
    }

    /** The refused share, 0 for an empty file. */
    public double refusedShare() {
        return arrived == 0 ? 0 : (double) refused / arrived;
    }
}
