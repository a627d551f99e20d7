-- The rules around every vote (docs/voting-rules.md). A member's term can end (resigned, removed,
-- dismissed, died, moved away): from that day on they no longer count in the total of serving
-- delegates, nor vote. A roll-call confirmation counts as presence until the member is checked
-- out, leaves the room, or the next roll-call starts.
ALTER TABLE members ADD COLUMN term_ended_on date;
ALTER TABLE members ADD COLUMN term_end_reason text
  CHECK (term_end_reason IN ('resigned', 'removed', 'dismissed', 'died', 'moved', 'other'));
ALTER TABLE members ADD CONSTRAINT members_term_end_both
  CHECK ((term_ended_on IS NULL) = (term_end_reason IS NULL));

ALTER TABLE attendance ADD COLUMN roll_call_since timestamptz;
