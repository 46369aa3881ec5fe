-- Which delivered answer file carried the answers to which request (request rules,
-- docs/request-rules.md), so that a recall can name requests and reach only their answer records.
-- An answer record is identified by its line in the answer file as delivered (the released answers,
-- the copy every holder has; a CSV record's line is the line it starts on, the header being line 1);
-- source_line is where it stood in the data holder's file (as its notice of withheld answers counts).
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+.

-- Filled in batches while an answer file is filtered; moved into answer_record in the transaction
-- of the file's delivery audit event. A filter that runs again (a held file retried, a sealing
-- resumed) drops what the transfer staged before.
CREATE TABLE answer_record_staging (
    transfer_id     VARCHAR(100)  NOT NULL,
    agreement       VARCHAR(100)  NOT NULL,
    request_id      VARCHAR(200)  NOT NULL,
    line            BIGINT        NOT NULL,
    source_line     BIGINT        NOT NULL
);

CREATE INDEX answer_record_staging_transfer ON answer_record_staging (transfer_id);

-- Only delivered answers: a row exists exactly when the log has the delivery of its transfer.
CREATE TABLE answer_record (
    transfer_id     VARCHAR(100)  NOT NULL,
    agreement       VARCHAR(100)  NOT NULL,
    request_id      VARCHAR(200)  NOT NULL,
    line            BIGINT        NOT NULL,
    source_line     BIGINT        NOT NULL,
    PRIMARY KEY (transfer_id, line)
);

-- a recall names requests: found by request id (and agreement)
CREATE INDEX answer_record_request ON answer_record (request_id, agreement);

-- The records of a recall item recalled by request id, in order (position); recall_item.record_ids
-- stays null: a recall of many requests can name more records than its 4000 characters hold.
CREATE TABLE recall_item_record (
    recall_id       VARCHAR(40)   NOT NULL,
    transfer_id     VARCHAR(100)  NOT NULL,
    position        INTEGER       NOT NULL,
    record_id       VARCHAR(200)  NOT NULL,
    PRIMARY KEY (recall_id, transfer_id, position)
);
