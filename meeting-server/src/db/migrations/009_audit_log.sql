-- The audit log: one row per chair, secretary or secretariat action (who, when, what, on which
-- meeting), written in the same transaction as the change itself (meeting-server/src/audit).
-- Append-only, enforced here: UPDATE, DELETE and TRUNCATE are refused by triggers, so not even
-- the server's own database user can rewrite history through SQL. No foreign keys: the log must
-- outlive whatever it names.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'participant')),
  -- staff: staff_users.id; participant: the LiveKit identity (member:<id>, staff:<role>:<id>, …)
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  -- staff: 'admin' or 'staff'; participant: the role in the meeting (chair, secretary)
  actor_role text NOT NULL,
  member_id text,
  meeting_id text,
  -- `METHOD /route/:pattern`, e.g. `POST /api/meetings/:meetingId/floor`
  action text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_meeting ON audit_log (meeting_id, id);
CREATE INDEX audit_log_at ON audit_log (at, id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
