package org.safegate.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A question for the gate: may {@code sender} send data of {@code category} under
 * {@code agreement} on {@code day}?
 *
 * @param redisclosureOf when the data is something the gateway delivered to the sender earlier,
 *                       the agreement it was delivered under; the transfer is then a redisclosure
 */
public record TransferRequest(String sender, String agreement, String category, LocalDate day,
                              Optional<String> redisclosureOf) {

    public TransferRequest {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(redisclosureOf, "redisclosureOf");
    }

    /** An original disclosure by the agreement's provider. */
    public static TransferRequest disclosure(String sender, String agreement, String category, LocalDate day) {
        return new TransferRequest(sender, agreement, category, day, Optional.empty());
    }

    /** Passing on data the sender received under {@code originalAgreement}. */
    public static TransferRequest redisclosure(String sender, String agreement, String category, LocalDate day,
                                               String originalAgreement) {
        return new TransferRequest(sender, agreement, category, day, Optional.of(originalAgreement));
    }
}
