-- API tokens the gateway has seen in the operator files: when it first saw each (a token without
-- an expires date lives safegate.api.token-lifetime from then) and whether it is revoked.
-- A token is known by the SHA-256 of its hash in the operator file, never by the hash itself, so
-- nothing here helps anyone guess a secret. A revocation is never lifted: the operator is given a
-- new token instead. Both acts are in the audit log.
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+. Times are epoch milliseconds (UTC).
CREATE TABLE api_token (
    hash_digest     CHAR(64)      NOT NULL PRIMARY KEY,
    operator        VARCHAR(200)  NOT NULL,
    token_name      VARCHAR(100)  NOT NULL,
    first_seen      BIGINT        NOT NULL,
    revoked_at      BIGINT,
    revoked_by      VARCHAR(200),
    revoke_reason   VARCHAR(2000)
);

CREATE INDEX api_token_operator ON api_token (operator);
