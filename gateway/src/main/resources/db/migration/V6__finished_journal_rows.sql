-- A finished transfer's journal row is now removed when it finishes (its history is in the audit
-- log), so the journal holds only transfers in flight. Rows that earlier versions kept as DONE go
-- too: nothing reads them.
DELETE FROM transfer_journal WHERE state = 'DONE';
