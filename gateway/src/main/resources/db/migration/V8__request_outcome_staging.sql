-- The outcomes of a request file while it is inspected, in the order they come (no index): they
-- are moved into request_outcome in key order, in one transaction, once the whole file is read.
-- Inserting a million ids in random order straight into request_outcome's primary key rewrote a
-- random page of it for nearly every row.
CREATE TABLE request_outcome_staging (
    inspection      VARCHAR(100)  NOT NULL,
    agreement       VARCHAR(100)  NOT NULL,
    request_id      VARCHAR(200)  NOT NULL,
    requester       VARCHAR(100)  NOT NULL,
    inspected_at    BIGINT        NOT NULL,
    passed          BOOLEAN       NOT NULL
);
