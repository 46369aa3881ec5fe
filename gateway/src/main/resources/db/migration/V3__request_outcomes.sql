-- The outcome of every inspected request record: an answer may leave only for a request that passed.
CREATE TABLE request_outcome (
    agreement       VARCHAR(100)  NOT NULL,
    request_id      VARCHAR(200)  NOT NULL,
    requester       VARCHAR(100)  NOT NULL,
    inspected_at    BIGINT        NOT NULL,
    passed          BOOLEAN       NOT NULL,
    PRIMARY KEY (agreement, request_id)
);
