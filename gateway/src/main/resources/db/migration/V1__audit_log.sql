-- The audit log: append-only events, the chain head, and signed checkpoints.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE audit_event (
    seq             BIGINT       NOT NULL PRIMARY KEY,
    event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type      VARCHAR(40)  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    origin          VARCHAR(200),
    object_name     VARCHAR(1000),
    outcome         VARCHAR(10)  NOT NULL,
    transfer_id     VARCHAR(100),
    provider        VARCHAR(100),
    recipient       VARCHAR(100),
    agreement       VARCHAR(100),
    authority       VARCHAR(200),
    category        VARCHAR(100),
    payload_digest  VARCHAR(100),
    size_bytes      BIGINT,
    record_count    BIGINT,
    decision        VARCHAR(10),
    reason_codes    VARCHAR(1000),
    parent_transfer VARCHAR(100),
    change_text     VARCHAR(4000),
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);

CREATE INDEX audit_event_transfer ON audit_event (transfer_id);
CREATE INDEX audit_event_parent ON audit_event (parent_transfer);
CREATE INDEX audit_event_agreement ON audit_event (agreement);
CREATE INDEX audit_event_time ON audit_event (event_time);

-- One row: the chain head. Appenders lock it (SELECT ... FOR UPDATE), so every gateway node that
-- shares the database extends one linear chain.
CREATE TABLE audit_head (
    id              INTEGER      NOT NULL PRIMARY KEY,
    seq             BIGINT       NOT NULL,
    hash            CHAR(64)     NOT NULL,
    checkpoint_seq  BIGINT       NOT NULL,
    checkpoint_time TIMESTAMP WITH TIME ZONE
);

INSERT INTO audit_head (id, seq, hash, checkpoint_seq, checkpoint_time)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, NULL);

CREATE TABLE audit_checkpoint (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    hash            CHAR(64)      NOT NULL,
    checkpoint_time TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id          CHAR(64)      NOT NULL,
    algorithm       VARCHAR(40)   NOT NULL,
    signature       VARCHAR(2000) NOT NULL
);

-- Retention: each row records events 1..up_to_seq moved out into a signed export. The signed
-- checkpoint at up_to_seq stays in audit_checkpoint, so the remaining chain is anchored to it.
CREATE TABLE audit_archive (
    up_to_seq   BIGINT        NOT NULL PRIMARY KEY,
    hash        CHAR(64)      NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL,
    file_name   VARCHAR(1000) NOT NULL,
    file_digest CHAR(64)      NOT NULL
);
