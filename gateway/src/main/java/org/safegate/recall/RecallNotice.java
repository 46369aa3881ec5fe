package org.safegate.recall;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the notice of one recall to one holder stands: the sealed, signed notice the holder gets
 * in its inbox ({@code recalls/<recall-id>.json.p7m}), delivered exactly once.
 *
 * @param attempts      how many attempts were made (each claims the next number before it works)
 * @param sealedAttempt the attempt whose sealed copy the delivery recorded (to publish), once recorded
 * @param deliveredAs   the file's name in the holder's inbox, once the delivery is recorded
 * @param heldSince     while the inbox cannot take it: since when (audited once per hold)
 * @param heldReason    while held: why the last attempt failed
 */
public record RecallNotice(String recallId, String holder, State state, int attempts, Optional<Integer> sealedAttempt,
                           Optional<String> deliveredAs, Optional<Instant> deliveredAt, Optional<Instant> heldSince,
                           Optional<String> heldReason) {

    /** Stored by name. */
    public enum State {
        /** Not delivered yet (or held). */
        PENDING,
        /** The delivery is audited; the sealed copy waits under its hidden name to be published. */
        PUBLISHING,
        /** Published in the holder's inbox. */
        DELIVERED
    }

    /** The notice's name in the holder's {@code recalls} folder. */
    public static String fileName(String recallId) {
        // recall ids are UUIDs: anything else must not become a path
        if (!recallId.matches("[0-9A-Za-z-]{1,40}")) {
            throw new IllegalArgumentException("recall id " + recallId + " is not fit for a file name");
        }
        return recallId + ".json.p7m";
    }
}
