-- Leave requests (xin vắng): a delegate asks to be excused from a meeting with a reason; the chair
-- or the secretariat approves or declines. One request per delegate and meeting (asking again
-- replaces the reason and waits for a new decision). An approved request marks an absence as
-- excused; the total that quorum and the voting thresholds count from is unchanged.
CREATE TABLE leave_requests (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  requested_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text,
  note text,
  UNIQUE (meeting_id, member_id)
);
