-- Which delegate has downloaded which version of a session package's documents: one row per
-- package, invitation and file (by SHA-256), with the first and the last time and how many times.
-- Written when a package reader token (minted for a delegate's invitation) fetches a file, so the
-- secretariat sees who holds the current version of each draft and who still has an old one.
CREATE TABLE package_downloads (
  package_id text NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
  invitation_id text NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  times integer NOT NULL DEFAULT 1 CHECK (times > 0),
  PRIMARY KEY (package_id, invitation_id, sha256)
);
