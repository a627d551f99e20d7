-- The secret that signs invitation links and participant sessions, kept in the database when the
-- server runs on PostgreSQL without APP_SECRET, so every instance on the database signs and checks
-- with the same one (instead of each generating its own into its DATA_DIR).
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
