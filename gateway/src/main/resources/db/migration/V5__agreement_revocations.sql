-- Revocations of single agreements (a security officer stops one agreement, not the whole agency).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. Times are epoch milliseconds (UTC).
-- A reinstatement deletes the row; both acts are in the audit log for good.
CREATE TABLE agreement_revocation (
    agreement       VARCHAR(100)  NOT NULL PRIMARY KEY,
    revoked_at      BIGINT        NOT NULL,
    revoked_by      VARCHAR(200)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL
);
