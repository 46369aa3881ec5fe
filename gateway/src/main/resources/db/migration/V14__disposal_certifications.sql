-- Certificates of disposal: a holder certifies, CMS-signed, that it destroyed or returned items of a
-- recall. One row per certified item, written in the transaction of the item's DISPOSAL_CERTIFIED
-- audit event, together with the item's move to state CERTIFIED; an item is certified once per
-- recall (the primary key). certificate_id names the certificate as its receipt and its archived
-- original do; certificate_sha256 is the SHA-256 of the signed file as it arrived, by which the
-- same certificate sent again is recognised (and a stopped run's certificate finished).
-- disposed_on is the ISO day the holder gives. Times are epoch milliseconds (UTC).
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+.
CREATE TABLE disposal_certification (
    recall_id           VARCHAR(40)   NOT NULL,
    transfer_id         VARCHAR(100)  NOT NULL,
    holder              VARCHAR(100)  NOT NULL,
    certificate_id      VARCHAR(40)   NOT NULL,
    disposition         VARCHAR(16)   NOT NULL,
    method              VARCHAR(500)  NOT NULL,
    disposed_on         VARCHAR(10)   NOT NULL,
    certified_by_name   VARCHAR(200)  NOT NULL,
    certified_by_title  VARCHAR(200)  NOT NULL,
    certificate_sha256  VARCHAR(64)   NOT NULL,
    recorded_at         BIGINT        NOT NULL,
    PRIMARY KEY (recall_id, transfer_id)
);

CREATE INDEX disposal_certification_sha256 ON disposal_certification (certificate_sha256);
