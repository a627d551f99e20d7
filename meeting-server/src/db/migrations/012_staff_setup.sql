-- One-time setup links: on a fresh data folder with no administrator account, `npm start` prints a signed
-- link that opens the page creating the first administrator. Only the SHA-256 of the link's random
-- part is kept; a link works once, until it expires (24 h), and only while no administrator exists.
CREATE TABLE staff_setup_links (
  nonce_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
