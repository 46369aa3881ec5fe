-- A security officer closes a recall item without a certificate of disposal, with a reason: the
-- item's state becomes CLOSED and this row keeps who closed it, when and why. It is written in
-- the transaction of the item's RECALL_ITEM_CLOSED audit event. An item is closed at most once
-- (a closed item is never reopened), hence the key.
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+. Times are epoch milliseconds (UTC).
CREATE TABLE recall_item_closure (
    recall_id       VARCHAR(40)   NOT NULL,
    transfer_id     VARCHAR(100)  NOT NULL,
    closed_by       VARCHAR(200)  NOT NULL,
    closed_at       BIGINT        NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    PRIMARY KEY (recall_id, transfer_id)
);
