-- The gateways sharing this store (docs/operations.md, "Several nodes"): each running gateway
-- registers at start under its safegate.node.id, reports every heartbeat_millis (its policy set's
-- version and how many transfers are in flight) and is marked stopped when it stops cleanly.
-- A running node whose last heartbeat is older than three heartbeats is shown as silent.
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+. Times are epoch milliseconds (UTC).
CREATE TABLE gateway_node (
    node_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    host            VARCHAR(255)  NOT NULL,
    pid             BIGINT        NOT NULL,
    version         VARCHAR(100)  NOT NULL,
    started_at      BIGINT        NOT NULL,
    last_heartbeat  BIGINT        NOT NULL,
    heartbeat_millis BIGINT       NOT NULL,
    policy_version  VARCHAR(100)  NOT NULL,
    in_flight       INTEGER       NOT NULL,
    state           VARCHAR(16)   NOT NULL
);
