-- Recalls: a security officer asks every holder of data the gateway delivered (and of its onward
-- redisclosures) to dispose of it. The recall row keeps who issued it and why; one item per
-- delivery in scope, resolved when the recall is issued and never recomputed, so a later delivery
-- does not widen a recall already sent. Later slices move an item's state to certified or closed.
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+. Times are epoch milliseconds (UTC).
CREATE TABLE recall (
    recall_id       VARCHAR(40)   NOT NULL PRIMARY KEY,
    issuer          VARCHAR(100)  NOT NULL,
    issued_at       BIGINT        NOT NULL,
    issued_by       VARCHAR(200)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    notice          VARCHAR(2000) NOT NULL,
    due_at          BIGINT        NOT NULL
);

-- The same transfer may be an item of several recalls (a second recall is allowed and tracked).
-- parent_transfer: the delivery a redisclosure passed on (null for a delivery in scope).
-- record_ids: the answer records recalled, comma-separated; null when the whole file is recalled.
CREATE TABLE recall_item (
    recall_id       VARCHAR(40)   NOT NULL,
    transfer_id     VARCHAR(100)  NOT NULL,
    holder          VARCHAR(100)  NOT NULL,
    agreement       VARCHAR(100)  NOT NULL,
    delivered_name  VARCHAR(1000) NOT NULL,
    payload_sha256  VARCHAR(100)  NOT NULL,
    delivered_at    BIGINT        NOT NULL,
    parent_transfer VARCHAR(100),
    record_ids      VARCHAR(4000),
    state           VARCHAR(16)   NOT NULL,
    PRIMARY KEY (recall_id, transfer_id)
);

CREATE INDEX recall_item_holder ON recall_item (holder);
CREATE INDEX recall_item_transfer ON recall_item (transfer_id);
