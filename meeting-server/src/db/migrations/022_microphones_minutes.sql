-- The chair's microphones and the official minutes (issue #19).
-- Free discussion: while open, every member of the body may publish their microphone in a meeting
-- whose microphones the chair controls.
ALTER TABLE meeting_live ADD COLUMN free_discussion boolean NOT NULL DEFAULT false;

-- The official minutes' own parts (number and symbol, place, the secretary's conclusion of each
-- agenda item, the closing paragraph) and, once finalised, the files as issued with their
-- SHA-256. A finalised row never changes again.
CREATE TABLE minutes_records (
  meeting_id text PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
  number text NOT NULL DEFAULT '',
  place text NOT NULL DEFAULT '',
  closing text NOT NULL DEFAULT '',
  -- agenda item id -> conclusion text
  conclusions jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  finalised_at timestamptz,
  finalised_by text,
  pdf bytea,
  docx bytea,
  pdf_sha256 text,
  docx_sha256 text
);

CREATE FUNCTION minutes_records_final() RETURNS trigger AS $$
BEGIN
  IF OLD.finalised_at IS NOT NULL THEN
    RAISE EXCEPTION 'minutes of meeting % are final', OLD.meeting_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER minutes_records_locked
  BEFORE UPDATE ON minutes_records
  FOR EACH ROW EXECUTE FUNCTION minutes_records_final();
