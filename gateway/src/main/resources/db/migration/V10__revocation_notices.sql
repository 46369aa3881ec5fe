-- What a revoked agency's partners may read: the officer's notice, shown in receipts instead of the
-- internal reason (which stays in the audit log). Null: the receipt gives a standard sentence.
-- Portable SQL: runs unchanged on SQLite 3 and PostgreSQL 12+.
ALTER TABLE revocation ADD COLUMN notice VARCHAR(2000);
ALTER TABLE agreement_revocation ADD COLUMN notice VARCHAR(2000);
