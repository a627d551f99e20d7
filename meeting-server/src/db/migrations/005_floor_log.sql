-- The history of the floor for the minutes: who spoke, in what order, from when to when. The live
-- meeting keeps only the current floor holder (meeting_live.floor_*); this trigger records every
-- change of it, so the minutes need no change to the floor code.
CREATE TABLE floor_log (
  id bigserial PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  identity text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  kind text,
  started_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX floor_log_meeting ON floor_log (meeting_id, started_at, id);

CREATE FUNCTION floor_log_record() RETURNS trigger AS $$
BEGIN
  IF OLD.floor_identity IS NOT NULL AND (
       NEW.floor_identity IS DISTINCT FROM OLD.floor_identity
       OR NEW.floor_started_at IS DISTINCT FROM OLD.floor_started_at) THEN
    -- Ended by the chair (now) or by the timer running out (its end time), whichever came first.
    UPDATE floor_log SET ended_at = LEAST(COALESCE(NEW.floor_started_at, now()), OLD.floor_ends_at)
     WHERE meeting_id = NEW.meeting_id AND identity = OLD.floor_identity
       AND started_at = OLD.floor_started_at AND ended_at IS NULL;
  END IF;
  IF NEW.floor_identity IS NOT NULL AND (
       OLD.floor_identity IS NULL
       OR NEW.floor_identity IS DISTINCT FROM OLD.floor_identity
       OR NEW.floor_started_at IS DISTINCT FROM OLD.floor_started_at) THEN
    INSERT INTO floor_log (meeting_id, identity, name, role, kind, started_at)
    VALUES (NEW.meeting_id, NEW.floor_identity, NEW.floor_name, NEW.floor_role, NEW.floor_kind,
            NEW.floor_started_at);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER floor_log_on_change
  AFTER UPDATE ON meeting_live
  FOR EACH ROW EXECUTE FUNCTION floor_log_record();
