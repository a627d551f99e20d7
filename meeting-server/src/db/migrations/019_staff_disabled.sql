-- An administrator can lock a secretariat account (an officer who left the office) and unlock it:
-- a locked account cannot sign in and its sessions end at once. Accounts are never deleted, so
-- the audit log's names keep pointing at a real account.
ALTER TABLE staff_users ADD COLUMN disabled_at timestamptz;
