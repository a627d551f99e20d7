-- The live part of a meeting: its state version and floor, the speaker queue, motions and ballots,
-- attendance and roll-call, and processed LiveKit webhook ids.

-- One row per meeting with live state; `version` increases with every committed change.
CREATE TABLE meeting_live (
  meeting_id text PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 0,
  current_agenda_item_id text REFERENCES agenda_items (id) ON DELETE SET NULL,
  shown_result_motion_id text,
  -- Who has the floor (null = nobody) and the speaking timer.
  floor_identity text,
  floor_name text,
  floor_role text,
  floor_kind text,
  floor_started_at timestamptz,
  floor_ends_at timestamptz,
  roll_call_open boolean NOT NULL DEFAULT false,
  roll_call_started_at timestamptz
);
CREATE INDEX meeting_live_floor_ends ON meeting_live (floor_ends_at) WHERE floor_identity IS NOT NULL;

-- Raised hands (the speaker queue). One raised hand per participant at a time.
CREATE TABLE hands (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  identity text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('speak', 'question', 'order')),
  raised_at timestamptz NOT NULL,
  -- Queue order: the raise time in ms; the chair's reorder rewrites it.
  position double precision NOT NULL,
  UNIQUE (meeting_id, identity)
);

CREATE TABLE motions (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id text REFERENCES agenda_items (id) ON DELETE SET NULL,
  title text NOT NULL,
  text text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('standard', 'confidence')),
  secret boolean NOT NULL,
  rule text NOT NULL,
  allow_change boolean NOT NULL,
  present_only boolean NOT NULL,
  officials jsonb NOT NULL DEFAULT '[]'::jsonb,
  duration_seconds integer,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  created_at timestamptz NOT NULL,
  opened_at timestamptz,
  closes_at timestamptz,
  closed_at timestamptz,
  -- Fixed when the vote opens.
  total_members integer NOT NULL DEFAULT 0,
  present_at_open integer NOT NULL DEFAULT 0,
  eligible_count integer NOT NULL DEFAULT 0,
  cast_count integer NOT NULL DEFAULT 0,
  result jsonb,
  -- A secret vote can never allow changing a ballot (see votes/README in meeting-server/README.md).
  CHECK (NOT (secret AND allow_change)),
  CHECK (kind <> 'confidence' OR secret)
);
CREATE INDEX motions_meeting ON motions (meeting_id);
-- At most one open vote per meeting.
CREATE UNIQUE INDEX motions_one_open ON motions (meeting_id) WHERE status = 'open';

-- Who may vote on a motion, fixed when it opens.
CREATE TABLE motion_eligible (
  motion_id text NOT NULL REFERENCES motions (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  PRIMARY KEY (motion_id, member_id)
);

-- Open (named) votes: one ballot per member and motion, with its choice.
CREATE TABLE open_ballots (
  motion_id text NOT NULL REFERENCES motions (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
  idempotency_key text NOT NULL,
  cast_at timestamptz NOT NULL,
  PRIMARY KEY (motion_id, member_id)
);

-- Secret votes: WHO voted (no choice, no time) ...
CREATE TABLE motion_voters (
  motion_id text NOT NULL REFERENCES motions (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  PRIMARY KEY (motion_id, member_id)
);
-- ... and per-choice counters (official = '' for a standard motion), all rows of a motion updated
-- by every ballot, so nothing links a member to a choice.
CREATE TABLE secret_tallies (
  motion_id text NOT NULL REFERENCES motions (id) ON DELETE CASCADE,
  official text NOT NULL,
  choice text NOT NULL,
  count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (motion_id, official, choice)
);

-- Presence of members of the meeting's body: online (in the LiveKit room) and/or in the hall.
CREATE TABLE attendance (
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  online boolean NOT NULL DEFAULT false,
  online_sid text,
  online_since timestamptz,
  hall boolean NOT NULL DEFAULT false,
  hall_since timestamptz,
  PRIMARY KEY (meeting_id, member_id)
);

-- Every join, leave and check-in with its time (for the minutes and participation records).
CREATE TABLE attendance_events (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  event text NOT NULL CHECK (event IN ('joined', 'left', 'checked_in', 'checked_out', 'roll_call')),
  at timestamptz NOT NULL
);
CREATE INDEX attendance_events_meeting ON attendance_events (meeting_id, at);

CREATE TABLE roll_call_confirms (
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);

-- LiveKit webhook event ids already processed (replays are refused).
CREATE TABLE webhook_events (
  id text PRIMARY KEY,
  received_at timestamptz NOT NULL
);
