-- The sealed notice each holder of a recall's items gets in its inbox, delivered exactly once: one
-- row per recall and holder, written with the recall (its RECALL_ISSUED transaction).
--   state: PENDING (not delivered yet, or held), PUBLISHING (RECALL_NOTICE_DELIVERED is recorded and
--          the sealed copy waits under its hidden name to be published), DELIVERED (published).
--   attempts: every attempt first claims the next number (an update that expects the last one), so
--          two attempts at once (gateway nodes sharing the store) never both record the delivery;
--          sealed_attempt is the attempt whose hidden copy the delivery recorded.
--   held_since, held_reason: while the inbox cannot take the notice (audited once per hold).
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+. Times are epoch milliseconds (UTC).
CREATE TABLE recall_notice (
    recall_id       VARCHAR(40)   NOT NULL,
    holder          VARCHAR(100)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    sealed_attempt  INTEGER,
    delivered_as    VARCHAR(1000),
    delivered_at    BIGINT,
    held_since      BIGINT,
    held_reason     VARCHAR(2000),
    PRIMARY KEY (recall_id, holder)
);

-- every delivery run looks for the notices not delivered yet
CREATE INDEX recall_notice_state ON recall_notice (state);

-- recalls issued before notices existed: their holders are told now
INSERT INTO recall_notice (recall_id, holder, state, attempts)
    SELECT DISTINCT recall_id, holder, 'PENDING', 0 FROM recall_item;
