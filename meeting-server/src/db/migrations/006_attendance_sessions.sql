-- Online attendance per LiveKit participant session (sid): when it joined and when it left, as
-- LiveKit stamped the events. Presence and the joined/left log are recomputed from these rows
-- after every webhook, so a webhook delivered twice, late or out of order gives the same result
-- as the same webhooks delivered once and in order.
CREATE TABLE attendance_sessions (
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  sid text NOT NULL,
  joined_at timestamptz,
  left_at timestamptz,
  PRIMARY KEY (meeting_id, sid)
);
CREATE INDEX attendance_sessions_member ON attendance_sessions (meeting_id, member_id);

-- Members online before this migration keep their current session.
INSERT INTO attendance_sessions (meeting_id, member_id, sid, joined_at)
SELECT meeting_id, member_id, online_sid, online_since FROM attendance
 WHERE online AND online_sid IS NOT NULL AND online_since IS NOT NULL;
