-- Councils, their members and bodies, meetings with agendas, and invitations.
CREATE TABLE councils (
  id text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'commune')),
  total_members integer NOT NULL CHECK (total_members > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  full_name text NOT NULL,
  delegate_group text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX members_council ON members (council_id);

CREATE TABLE bodies (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('council', 'committee', 'standing')),
  name text NOT NULL
);

CREATE TABLE body_members (
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  member_id text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  PRIMARY KEY (body_id, member_id)
);

CREATE TABLE meetings (
  id text PRIMARY KEY,
  council_id text NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
  body_id text NOT NULL REFERENCES bodies (id),
  kind text NOT NULL CHECK (kind IN ('session', 'committee', 'standing', 'voter')),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'open', 'closed')),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  room_name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agenda_items (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL,
  UNIQUE (meeting_id, position)
);

-- A personal invitation names a member (or a staff role); a public voter link names nobody.
CREATE TABLE invitations (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id text REFERENCES members (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('chair', 'secretary', 'member', 'guest', 'voter')),
  display_name text,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_meeting ON invitations (meeting_id);

-- Small key/value settings the server keeps for itself (for example, whether the demo was seeded).
CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
