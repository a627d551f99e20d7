-- When a sitting was opened and closed, stamped by the status change (live/meeting.ts). The
-- participation record (participation/) measures "late" from the opening and "left early" against
-- the close; a meeting that changed status before this migration has neither, and its record says
-- nothing about lateness or leaving early.
ALTER TABLE meetings ADD COLUMN opened_at timestamptz;
ALTER TABLE meetings ADD COLUMN closed_at timestamptz;
