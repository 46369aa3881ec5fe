package org.safegate.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safegate.tlog.InclusionProof;

/**
 * What the sender is told about one file: its transfer id, the outcome, when, the digest of what
 * arrived, where it was delivered, for a denial or quarantine every reason, and the proof that the
 * audit log holds the transfer's outcome: the receipt makes its holder a witness of the log.
 */
public record Receipt(String transfer, String sender, String agreement, String name, Outcome outcome, Instant time,
                      String payloadSha256, long size, Optional<String> deliveredAs, List<Reason> reasons,
                      InclusionProof audit) {

    public enum Outcome {
        DELIVERED("delivered"), DENIED("denied"), QUARANTINED("quarantined"),
        /** A certificate of disposal was recorded: its items are certified. */
        CERTIFIED("certified");

        private final String key;

        Outcome(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A reason code and its sentence. */
    public record Reason(String code, String message) {
    }

    /**
     * The receipt file as the sender reads it (and the gateway signs it): the file name made
     * printable, times in ISO-8601, {@code deliveredAs} null unless delivered.
     */
    public record Document(String transfer, String outcome, String time, String sender, String agreement, String name,
                           String payloadSha256, long size, String deliveredAs, List<Reason> reasons,
                           InclusionProof audit) {
    }

    /** This receipt as its file says it. */
    public Document document() {
        return new Document(transfer, outcome.key(), time.toString(), sender, agreement, FileNames.printable(name),
                payloadSha256, size, deliveredAs.orElse(null), reasons, audit);
    }

    public Receipt {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payloadSha256, "payloadSha256");
        Objects.requireNonNull(deliveredAs, "deliveredAs");
        reasons = List.copyOf(reasons);
    }
}
