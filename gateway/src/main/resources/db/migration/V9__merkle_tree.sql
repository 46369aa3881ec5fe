-- The audit log as an RFC 9162 Merkle tree whose every commit is signed (docs/audit-format.md).
-- Portable SQL: runs unchanged on SQLite, H2 2.x and PostgreSQL 12+.

-- The right edge of the tree at the head: hex roots of its complete subtrees, largest first,
-- comma-separated. NULL until the first append after this migration rebuilds it from the events.
ALTER TABLE audit_head ADD COLUMN tree_edge VARCHAR(5000);

-- Roots of complete subtrees at every fourth level (16, 256, 4096... leaves), so that an
-- inclusion proof needs a few dozen rows, not the whole log.
CREATE TABLE audit_tree_node (
    node_level INTEGER  NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       CHAR(64) NOT NULL,
    PRIMARY KEY (node_level, node_index)
);

-- One signed checkpoint (C2SP tlog-checkpoint note) per commit, keyed by the tree size it signs.
CREATE TABLE audit_tree_head (
    tree_size BIGINT        NOT NULL PRIMARY KEY,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    note      VARCHAR(8000) NOT NULL
);

-- The tree edge where an archive stopped, so that the remaining events extend the same tree.
ALTER TABLE audit_archive ADD COLUMN tree_edge VARCHAR(5000);
