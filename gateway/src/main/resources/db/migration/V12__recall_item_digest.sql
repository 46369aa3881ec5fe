-- Recalled data is never sent again: every file the gateway decides looks up its payload digest
-- among the recall items, so the lookup must be an index seek, not a scan of every item.
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+.
CREATE INDEX recall_item_sha256 ON recall_item (payload_sha256);
