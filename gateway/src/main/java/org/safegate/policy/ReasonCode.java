package org.safegate.policy;

/**
 * Why a recipient is not current or a transfer is not permitted. The codes are a contract: they
 * appear in receipts, audit events and the JSON output of {@code policy check}.
 */
public enum ReasonCode {
    // the recipient's safeguards
    REVIEW_MISSING,
    REVIEW_STALE,
    SSR_MISSING,
    SSR_LATE,
    CAP_MISSING,
    CAP_STALE,
    CAP_ITEM_MISSING,
    CAP_ITEM_UNDATED,
    CAP_ITEM_OVERDUE,
    CRITICAL_FINDING_OPEN,
    AGENCY_REVOKED,
    // the agreement
    AGREEMENT_UNKNOWN,
    AGREEMENT_NOT_IN_FORCE,
    CATEGORY_NOT_COVERED,
    SENDER_NOT_PROVIDER,
    // redisclosure
    REDISCLOSURE_NOT_PERMITTED,
    REDISCLOSURE_SOURCE_MISMATCH,
    // the recipient's certificate
    CERT_MISSING,
    CERT_INVALID,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    CERT_REVOKED,
    CERT_UNTRUSTED,
    /** The certificate's key usage, key size or signature algorithm is not acceptable. */
    CERT_UNUSABLE,
    /** Shiro refused although no rule failed: never expected, and denied to fail closed. */
    AUTHORIZATION_REFUSED,
    /** A security officer revoked this one agreement; other agreements of the same agencies still decide. */
    AGREEMENT_REVOKED,
    /** The file's payload digest is that of an item of a recall: recalled data is never sent again, by anyone. */
    DATA_RECALLED,
    /**
     * The recipient holds a recall item past its due date that it has not certified disposal of and no
     * officer closed: it is not current until it does (or the item is closed).
     */
    RECALL_OVERDUE
}
