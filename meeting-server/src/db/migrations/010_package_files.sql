-- Session package PDFs live in the database, so that every server instance on one PostgreSQL
-- serves the same files (they were kept in DATA_DIR/packages on each instance's own disk).
-- Content-addressed by SHA-256 and cut into chunks of about 1 MiB that are read one at a time, so
-- a 100 MB file is never held in memory whole. A file is visible only through its package_files
-- row, written after all its chunks (on PostgreSQL in the same transaction; on PGlite, whose one
-- connection must not be held for a whole upload, chunk by chunk and then the row): chunks
-- without a row are an upload in progress or interrupted, and are never read.
CREATE TABLE package_files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE package_file_chunks (
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  seq integer NOT NULL CHECK (seq >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (sha256, seq)
);
