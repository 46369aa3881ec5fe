-- Denials and quarantines are journaled like deliveries, so that a gateway killed half way through
-- a refusal finishes it once when it comes back (one audit event, one receipt, the original kept).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- For a row in state REFUSING: how the transfer ends (outcome, reasons and what the receipt says),
-- as JSON, so a resumed run finishes it exactly as the interrupted one began it.
ALTER TABLE transfer_journal ADD COLUMN refusal VARCHAR(100000);
