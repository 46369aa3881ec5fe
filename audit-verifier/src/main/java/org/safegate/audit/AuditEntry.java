package org.safegate.audit;

import java.util.List;
import java.util.Objects;

/**
 * What a caller records: an audit event before the log gives it a sequence number, a time and its
 * place in the hash chain. Optional fields are {@code null} when they do not apply (an operator
 * login has no transfer). Build with {@link #builder}.
 *
 * @param type           what happened
 * @param actor          the agency or operator that did it (Pub 1075 "unique user id")
 * @param origin         where the action came from: an endpoint, a host, a command
 * @param object         what was acted on: a file name, a policy, an agency
 * @param outcome        success or failure of the action
 * @param transferId     the transfer, when the event is about one
 * @param provider       the agency the data came from
 * @param recipient      the agency the data went (or would have gone) to
 * @param agreement      the agreement the transfer was decided under
 * @param authority      the legal authority cited by the agreement
 * @param category       the data category
 * @param payloadDigest  digest of the plaintext, {@code sha256:<hex>}
 * @param size           payload size in bytes
 * @param recordCount    number of records in the payload
 * @param decision       {@code permit} or {@code deny}
 * @param reasonCodes    every reason code of the decision (empty when none)
 * @param parentTransfer for a redisclosure: the transfer whose data is passed on
 * @param change         what changed, in words (Pub 1075)
 */
public record AuditEntry(AuditEventType type, String actor, String origin, String object, Outcome outcome,
                         String transferId, String provider, String recipient, String agreement, String authority,
                         String category, String payloadDigest, Long size, Long recordCount, String decision,
                         List<String> reasonCodes, String parentTransfer, String change) {
    // compiled once: every event read back from a log is checked against it
    private static final java.util.regex.Pattern REASON_CODE = java.util.regex.Pattern.compile("[A-Z0-9_]+");

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an actor");
        }
        if (decision != null && !decision.equals("permit") && !decision.equals("deny")) {
            throw new IllegalArgumentException("decision must be permit or deny, not " + decision);
        }
        reasonCodes = List.copyOf(reasonCodes == null ? List.of() : reasonCodes);
        for (String code : reasonCodes) {
            if (!REASON_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("reason code must be upper case letters, digits, _: " + code);
            }
        }
    }

    public static Builder builder(AuditEventType type, String actor) {
        return new Builder(type, actor);
    }

    /** A copy of this entry as a builder, to derive a similar one. */
    public Builder toBuilder() {
        return new Builder(type, actor).origin(origin).object(object).outcome(outcome).transferId(transferId)
                .provider(provider).recipient(recipient).agreement(agreement).authority(authority)
                .category(category).payloadDigest(payloadDigest).size(size).recordCount(recordCount)
                .decision(decision).reasonCodes(reasonCodes).parentTransfer(parentTransfer).change(change);
    }

    /** Fills an {@link AuditEntry} field by field; outcome defaults to success. */
    public static final class Builder {
        private final AuditEventType type;
        private final String actor;
        private String origin;
        private String object;
        private Outcome outcome = Outcome.SUCCESS;
        private String transferId;
        private String provider;
        private String recipient;
        private String agreement;
        private String authority;
        private String category;
        private String payloadDigest;
        private Long size;
        private Long recordCount;
        private String decision;
        private List<String> reasonCodes = List.of();
        private String parentTransfer;
        private String change;

        private Builder(AuditEventType type, String actor) {
            this.type = type;
            this.actor = actor;
        }

        public Builder origin(String value) { origin = value; return this; }
        public Builder object(String value) { object = value; return this; }
        public Builder outcome(Outcome value) { outcome = value; return this; }
        public Builder transferId(String value) { transferId = value; return this; }
        public Builder provider(String value) { provider = value; return this; }
        public Builder recipient(String value) { recipient = value; return this; }
        public Builder agreement(String value) { agreement = value; return this; }
        public Builder authority(String value) { authority = value; return this; }
        public Builder category(String value) { category = value; return this; }
        public Builder payloadDigest(String value) { payloadDigest = value; return this; }
        public Builder size(Long value) { size = value; return this; }
        public Builder recordCount(Long value) { recordCount = value; return this; }
        public Builder decision(String value) { decision = value; return this; }
        public Builder reasonCodes(List<String> value) { reasonCodes = value; return this; }
        public Builder parentTransfer(String value) { parentTransfer = value; return this; }
        public Builder change(String value) { change = value; return this; }

        public AuditEntry build() {
            return new AuditEntry(type, actor, origin, object, outcome, transferId, provider, recipient, agreement,
                    authority, category, payloadDigest, size, recordCount, decision, reasonCodes, parentTransfer,
                    change);
        }
    }
}
