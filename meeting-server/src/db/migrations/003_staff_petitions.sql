-- Secretariat staff with sessions, fixed-window rate limits, and voters' petitions with their history.
CREATE TABLE staff_users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  full_name text NOT NULL,
  password_hash text NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The cookie holds a random session id; only its SHA-256 is stored.
CREATE TABLE staff_sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- Fixed-window counters (login attempts per IP+e-mail, petitions per voter): shared by every instance.
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE petitions (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  submitter_identity text NOT NULL,
  name text NOT NULL,
  ward text,
  contact text,
  text text NOT NULL,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'forwarded', 'answered')),
  category text,
  authority text,
  answer text,
  published boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX petitions_meeting ON petitions (meeting_id, created_at);

CREATE TABLE petition_events (
  id text PRIMARY KEY,
  petition_id text NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  detail text
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, at);
