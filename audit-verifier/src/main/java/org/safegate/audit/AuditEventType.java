package org.safegate.audit;

/** What an audit event records. The names are stable: they are part of the hashed encoding. */
public enum AuditEventType {
    /** A transfer reached its recipient. */
    TRANSFER_DELIVERED,
    /** Policy refused a transfer; the reason codes say why. */
    TRANSFER_DENIED,
    /** A file was set aside (unreadable, unsigned, failed inspection) for a person to look at. */
    TRANSFER_QUARANTINED,
    /** Delivery failed for a technical reason. */
    TRANSFER_FAILED,
    /** A transfer was held because something it needed (keys, policy, audit) was unavailable. */
    TRANSFER_HELD,
    /** Data the gateway delivered earlier was passed on; the parent transfer links the chain. */
    REDISCLOSURE,
    AGENCY_REVOKED,
    AGENCY_REINSTATED,
    POLICY_LOADED,
    POLICY_REJECTED,
    SAFEGUARD_STATUS_CHANGED,
    OPERATOR_LOGIN_FAILED,
    DISPOSAL_REQUESTED,
    DISPOSAL_CERTIFIED,
    /** A security officer revoked a single agreement. */
    AGREEMENT_REVOKED,
    AGREEMENT_REINSTATED,
    /** A security officer recorded a safeguard event; the change names the file's digests before and after. */
    SAFEGUARD_EVENT,
    /** An administrator released a held or quarantined transfer so the pipeline decides it afresh. */
    TRANSFER_RELEASED,
    /** An operator asked the admin API for something their roles do not allow. */
    OPERATOR_FORBIDDEN,
    /**
     * An agency's SFTP outbox lists an entry under a name the gateway will not take (it could place
     * the file outside the spool); the entry is left on the server. Not a transfer: nothing arrived.
     */
    REMOTE_FILE_REFUSED,
    /** An operator lifted another operator's login lockouts. */
    OPERATOR_UNLOCKED,
    /** An API token came into force: the gateway first saw it in an operator file; the change says until when. */
    API_TOKEN_ISSUED,
    /** An operator revoked another's (or their own) API token. */
    API_TOKEN_REVOKED,
    /** An administrator moved events past the retention period into a signed archive; the change names it. */
    AUDIT_ARCHIVED,
    /** A security officer recalled delivered data; the change names the recall and how many items it resolved. */
    RECALL_ISSUED,
    /** A recall's sealed notice was published in a holder's inbox; the change names the recall and the file. */
    RECALL_NOTICE_DELIVERED,
    /** A recall's notice could not be published in a holder's inbox (it is retried); once per hold. */
    RECALL_NOTICE_HELD,
    /** A security officer closed a recall item without a certificate of disposal; the change gives the reason. */
    RECALL_ITEM_CLOSED;

    /** True for the types that end a transfer (the ones the accounting of disclosures counts). */
    public boolean isTransferOutcome() {
        return switch (this) {
            case TRANSFER_DELIVERED, TRANSFER_DENIED, TRANSFER_QUARANTINED, TRANSFER_FAILED, TRANSFER_HELD,
                    REDISCLOSURE -> true;
            default -> false;
        };
    }
}
