-- Transfer journal, delivered payloads (for redisclosure) and revocations.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+. Times are epoch milliseconds (UTC).

-- One row per file taken from an outbox. The state survives a crash, so a file is delivered once:
-- SEALED means the sealed copy is complete beside the inbox under a hidden name; DELIVERED means it
-- is published under delivered_as; DONE means the original has been archived.
CREATE TABLE transfer_journal (
    transfer_id     VARCHAR(40)   NOT NULL PRIMARY KEY,
    sender          VARCHAR(100)  NOT NULL,
    source_path     VARCHAR(1000) NOT NULL,
    source_size     BIGINT        NOT NULL,
    source_modified BIGINT        NOT NULL,
    agreement       VARCHAR(100)  NOT NULL,
    recipient       VARCHAR(100)  NOT NULL,
    payload_sha256  CHAR(64)      NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    delivered_as    VARCHAR(1000),
    updated_at      BIGINT        NOT NULL
);

CREATE INDEX transfer_journal_source ON transfer_journal (sender, source_path, source_size, source_modified);

-- Every plaintext the gateway delivered, by digest: a later file with the same digest from that
-- recipient is a redisclosure of this transfer.
CREATE TABLE delivered_payload (
    payload_sha256  CHAR(64)      NOT NULL,
    recipient       VARCHAR(100)  NOT NULL,
    transfer_id     VARCHAR(40)   NOT NULL,
    agreement       VARCHAR(100)  NOT NULL,
    delivered_at    BIGINT        NOT NULL,
    PRIMARY KEY (payload_sha256, recipient, transfer_id)
);

-- Revocations in force; a reinstatement deletes the row (both are in the audit log for good).
CREATE TABLE revocation (
    agency          VARCHAR(100)  NOT NULL PRIMARY KEY,
    revoked_at      BIGINT        NOT NULL,
    revoked_by      VARCHAR(200)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL
);
