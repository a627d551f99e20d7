-- Session packages: the secretariat's documents for a meeting, ordered under agenda items, each
-- document with every version it ever had (files are stored on disk by their SHA-256).
CREATE TABLE packages (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  title text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('private', 'public')),
  published_at timestamptz,
  revision integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX packages_meeting ON packages (meeting_id);

CREATE TABLE package_documents (
  id text PRIMARY KEY,
  package_id text NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
  title text NOT NULL,
  agenda_item_id text REFERENCES agenda_items (id) ON DELETE SET NULL,
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX package_documents_package ON package_documents (package_id, position);

CREATE TABLE package_versions (
  document_id text NOT NULL REFERENCES package_documents (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL,
  file_name text NOT NULL,
  reason text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, number)
);
CREATE INDEX package_versions_sha ON package_versions (sha256);
