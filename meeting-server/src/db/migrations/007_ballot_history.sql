-- Open votes that allow changes: each replaced ballot keeps its idempotency key, choice and time
-- here, so a late retry of an older request answers that request's receipt and never reverts the
-- member's current ballot (open_ballots holds only the current one). Secret votes never change.
CREATE TABLE open_ballot_history (
  motion_id text NOT NULL REFERENCES motions (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
  cast_at timestamptz NOT NULL,
  replaced_at timestamptz NOT NULL,
  PRIMARY KEY (motion_id, member_id, idempotency_key)
);

-- motions.cast_count is now written once, when the vote closes; while a vote is open the count is
-- read from the ballots themselves (live/state.ts), so ballots do not all update one motion row.
