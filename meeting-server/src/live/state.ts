// The meeting state every client renders, read from the database, and the transaction helper that
// every change goes through: lock the meeting's live row, change, bump `version`, commit, announce.
import type { Role } from '../../../shared/domain';
import { ErrorCode } from '../../../shared/errors';
import {
  microphoneControl,
  type AttendanceEntry,
  type HandKind,
  type MeetingState,
  type Motion,
  type MotionResult,
} from '../../../shared/meeting';
import type { MeetingKind, MeetingStatus } from '../../../shared/domain';
import type { Db, Queryable } from '../db/database';
import { HttpError, notFound } from '../http/errors';
import { vietnamDay } from '../auth/standing';
import { quorumRequired } from '../../../shared/vote-rules';
import type { LiveDeps } from './context';
import { liveSettings, type LiveSettings } from './settings';

export interface MeetingRow {
  id: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  starts_at: Date;
  settings: unknown;
  room_name: string;
  body_id: string;
  council_name: string;
}

export interface MeetingInfo extends MeetingRow {
  live: LiveSettings;
}

/** The meeting `$1` as a MeetingRow (loadMeeting, and the meeting part of STATE_SQL). */
const MEETING_SQL = `
  SELECT m.id, m.title, m.kind, m.status, m.starts_at, m.settings, m.room_name, m.body_id,
         c.name AS council_name
    FROM meetings m JOIN councils c ON c.id = m.council_id
   WHERE m.id = $1`;

export async function loadMeeting(db: Queryable, meetingId: string): Promise<MeetingInfo> {
  const rows = await db.query<MeetingRow>(MEETING_SQL, [meetingId]);
  const row = rows[0];
  if (!row) throw notFound('Không tìm thấy cuộc họp.', 'Meeting not found.');
  return { ...row, live: liveSettings(row.settings) };
}

/** Meetings whose live row is known to exist, per database (a live row is never deleted). */
const liveRows = new WeakMap<Db, Set<string>>();

/**
 * Makes the meeting's live row if it is missing; once seen, not asked again (a statement saved on
 * every change). Outside any transaction, so what is remembered has committed.
 */
export async function ensureLiveRow(db: Db, meetingId: string): Promise<void> {
  let known = liveRows.get(db);
  if (!known) liveRows.set(db, (known = new Set()));
  if (known.has(meetingId)) return;
  await db.query(
    'INSERT INTO meeting_live (meeting_id) VALUES ($1) ON CONFLICT (meeting_id) DO NOTHING',
    [meetingId],
  );
  if (known.size >= 10_000) known.clear();
  known.add(meetingId);
}

export const conflict = (code: string, vi: string, en: string) => new HttpError(409, code, vi, en);

export const meetingClosed = () =>
  conflict(ErrorCode.meetingClosed, 'Cuộc họp đã kết thúc.', 'This meeting has ended.');

/**
 * Runs one change to a meeting in a transaction. `fn` returns its answer and whether it changed
 * anything; on a change the meeting's version is bumped in the same transaction and, after commit,
 * clients are told.
 */
export async function mutate<T>(
  deps: LiveDeps,
  meetingId: string,
  fn: (tx: Queryable) => Promise<{ value: T; changed: boolean }>,
): Promise<T> {
  await ensureLiveRow(deps.db, meetingId);
  const { value, changed } = await deps.db.transaction(async (tx) => {
    const out = await fn(tx);
    if (out.changed) {
      await tx.query('UPDATE meeting_live SET version = version + 1 WHERE meeting_id = $1', [
        meetingId,
      ]);
    }
    return out;
  });
  if (changed) deps.changed(meetingId);
  return value;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** meeting_live as read in STATE_SQL (JSON: timestamps are ISO strings). */
interface LiveRow {
  version: number;
  current_agenda_item_id: string | null;
  shown_result_motion_id: string | null;
  floor_identity: string | null;
  floor_name: string | null;
  floor_role: Role | null;
  floor_kind: HandKind | null;
  floor_started_at: string | null;
  floor_ends_at: string | null;
  roll_call_open: boolean;
  roll_call_started_at: string | null;
  free_discussion: boolean;
}

export interface MotionRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  text: string;
  kind: Motion['kind'];
  secret: boolean;
  rule: Motion['rule'];
  allow_change: boolean;
  present_only: boolean;
  officials: string[];
  posts: number | null;
  dismissal_target: Motion['dismissalTarget'];
  duration_seconds: number | null;
  status: Motion['status'];
  opened_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  total_members: number;
  present_at_open: number;
  eligible_count: number;
  cast_count: number;
  /** A secret vote with a board (its ballots encrypted in the browser, docs/secret-ballot.md). */
  encrypted: boolean;
  result: MotionResult | null;
}

export function motionOf(r: MotionRow): Motion {
  return {
    id: r.id,
    agendaItemId: r.agenda_item_id,
    title: r.title,
    text: r.text,
    kind: r.kind,
    secret: r.secret,
    rule: r.rule,
    allowChange: r.allow_change,
    presentOnly: r.present_only,
    officials: r.officials,
    posts: r.posts,
    dismissalTarget: r.dismissal_target,
    status: r.status,
    openedAt: iso(r.opened_at),
    closesAt: iso(r.closes_at),
    closedAt: iso(r.closed_at),
    eligibleCount: r.eligible_count,
    castCount: r.cast_count,
    encrypted: r.encrypted,
    result: r.result,
  };
}

/**
 * How many ballots a motion has: counted from the ballots while it is open (ballots do not touch the
 * motion's row, so they do not queue behind one another), stored in cast_count when it closes.
 * Use with the motions table named `motions` (no alias).
 */
export const CAST_COUNT_SQL = `CASE WHEN motions.status = 'open' THEN
    (SELECT count(*) FROM open_ballots b WHERE b.motion_id = motions.id)
    + (SELECT count(*) FROM motion_voters v WHERE v.motion_id = motions.id)
  ELSE motions.cast_count END::int`;

export const MOTION_COLUMNS = `id, meeting_id, agenda_item_id, title, text, kind, secret, rule,
  allow_change, present_only, officials, posts, dismissal_target, duration_seconds, status,
  opened_at, closes_at, closed_at,
  total_members, present_at_open, eligible_count, ${CAST_COUNT_SQL} AS cast_count, encrypted, result`;

interface AttendanceRow {
  member_id: string;
  full_name: string;
  online: boolean | null;
  online_since: Date | string | null;
  hall: boolean | null;
  hall_since: Date | string | null;
  roll_call_since: Date | string | null;
  /** An approved leave request (leave_requests). */
  excused: boolean;
}

/** The day a term is judged on (auth/standing.ts, where a session's standing uses it too). */
export { vietnamDay };

/**
 * The body's SERVING members with their presence rows: a member whose term ended on or before the
 * day `day` (a parameter, YYYY-MM-DD) is left out. `$1` is the meeting, `bodyId` an expression.
 */
const attendanceSql = (bodyId: string, day: string) => `
  SELECT bm.member_id, mb.full_name, a.online, a.online_since, a.hall, a.hall_since,
         a.roll_call_since,
         EXISTS (SELECT 1 FROM leave_requests lr WHERE lr.meeting_id = $1
                    AND lr.member_id = bm.member_id AND lr.status = 'approved') AS excused
    FROM body_members bm
    JOIN members mb ON mb.id = bm.member_id
    LEFT JOIN attendance a ON a.meeting_id = $1 AND a.member_id = bm.member_id
   WHERE bm.body_id = ${bodyId} AND (mb.term_ended_on IS NULL OR mb.term_ended_on > ${day}::date)`;

/**
 * The council's own number of delegates, less those whose term has ended by `day`, for the full
 * council (0 for a committee or the standing committee, which count their member records). The
 * total is the larger of this and the serving member records (docs/voting-rules.md): a delegate
 * missing from the member list still counts (as absent), and a by-election entered as a member
 * counts even before the number is raised.
 */
const configuredTotalSql = (bodyId: string, day: string) => `
  SELECT CASE WHEN b.kind = 'council' THEN c.total_members - (
           SELECT count(*) FROM members e
            WHERE e.council_id = c.id AND e.term_ended_on <= ${day}::date) ELSE 0 END::int
    FROM bodies b JOIN councils c ON c.id = b.council_id WHERE b.id = ${bodyId}`;

/**
 * A member is present when checked in in the hall, in the LiveKit room, or confirmed in the
 * current roll-call (until checked out or leaving the room): `via` says which, the hall first.
 */
export const PRESENT_SQL = (a: string) =>
  `(${a}.hall OR ${a}.online OR ${a}.roll_call_since IS NOT NULL)`;

function attendanceFrom(
  rows: AttendanceRow[],
  configuredTotal: number,
  quorum: LiveSettings['quorum'],
) {
  const members: AttendanceEntry[] = rows.map((r) => {
    const via = r.hall ? 'hall' : r.online ? 'online' : r.roll_call_since ? 'roll_call' : null;
    const since = { hall: r.hall_since, online: r.online_since, roll_call: r.roll_call_since };
    return {
      memberId: r.member_id,
      name: r.full_name,
      present: via !== null,
      via,
      since: via ? iso(since[via]) : null,
      // Excused = absent with approved leave; a delegate who comes anyway is simply present.
      excused: via === null && r.excused === true,
    };
  });
  const present = members.filter((m) => m.present).length;
  const excused = members.filter((m) => m.excused).length;
  // Excused delegates still count in the total: quorum and every threshold are of ALL delegates.
  const totalMembers = Math.max(members.length, configuredTotal);
  const required = quorumRequired(totalMembers, quorum);
  return { totalMembers, present, excused, required, quorum: present >= required, members };
}

/**
 * Serving members of the meeting's body with their presence (online, in the hall, or confirmed in
 * the roll-call) and the total of serving delegates on the day of `nowMs`.
 */
export async function attendanceOf(
  db: Queryable,
  meeting: MeetingInfo,
  nowMs: number,
): Promise<MeetingState['attendance']> {
  const day = vietnamDay(nowMs);
  const rows = await db.query<AttendanceRow>(
    `${attendanceSql('$2', '$3')} ORDER BY mb.full_name, bm.member_id`,
    [meeting.id, meeting.body_id, day],
  );
  const [configured] = await db.query<{ total: number }>(
    `SELECT (${configuredTotalSql('$1', '$2')}) AS total`,
    [meeting.body_id, day],
  );
  return attendanceFrom(rows, configured?.total ?? 0, meeting.live.quorum);
}

/**
 * The whole state in one statement, each part as JSON: one statement sees one snapshot, and on
 * PGlite (one connection, a WebAssembly call per statement) one statement instead of ten is most of
 * the cost of a state read, which every change pays twice (its answer and its announcement).
 */
const STATE_SQL = `
  SELECT
    (SELECT row_to_json(x) FROM (${MEETING_SQL}) x) AS meeting,
    (SELECT row_to_json(l) FROM meeting_live l WHERE l.meeting_id = $1) AS live,
    (SELECT coalesce(json_agg(a ORDER BY a.position), '[]') FROM (
       SELECT id, position, title FROM agenda_items WHERE meeting_id = $1) a) AS agenda,
    (SELECT coalesce(json_agg(h ORDER BY h.position, h.raised_at, h.id), '[]') FROM (
       SELECT id, identity, name, role, kind, raised_at, position FROM hands
        WHERE meeting_id = $1) h) AS hands,
    (SELECT coalesce(json_agg(CASE WHEN mo.id = ANY($2::text[]) THEN json_build_object('id', mo.id)
                               ELSE row_to_json(mo) END ORDER BY mo.created_at, mo.id), '[]')
       FROM (SELECT ${MOTION_COLUMNS}, created_at FROM motions WHERE meeting_id = $1) mo) AS motions,
    (SELECT coalesce(json_agg(r.member_id ORDER BY r.confirmed_at, r.member_id), '[]')
       FROM roll_call_confirms r WHERE r.meeting_id = $1) AS confirms,
    (SELECT coalesce(json_agg(t ORDER BY t.full_name, t.member_id), '[]') FROM (
       ${attendanceSql('(SELECT body_id FROM meetings WHERE id = $1)', '$3')}) t) AS attendance,
    (${configuredTotalSql('(SELECT body_id FROM meetings WHERE id = $1)', '$3')}) AS configured_total`;

interface StateRow {
  meeting: MeetingRow | null;
  live: LiveRow | null;
  agenda: { id: string; position: number; title: string }[];
  hands: {
    id: string;
    identity: string;
    name: string;
    role: Role;
    kind: HandKind;
    raised_at: string;
  }[];
  /** `{id}` alone for a closed motion the caller already holds (`$2`). */
  motions: (MotionRow | { id: string; status?: undefined })[];
  confirms: string[];
  attendance: AttendanceRow[];
  configured_total: number | null;
}

/**
 * Closed motions, per database and meeting. A closed motion never changes again (closeMotion sets
 * its status and result in one transaction), and its result carries every member's ballot of an
 * open vote: with 95 members and 30 votes the state is ~280 KB, and reading it all again on each
 * change cost ~8 ms on PGlite. So a state read asks only for the motions it does not hold closed.
 * Correct with several instances: what is kept cannot change anywhere.
 */
const closedByDb = new WeakMap<Db, Map<string, Map<string, Motion>>>();
const CLOSED_MEETINGS_LIMIT = 200;

function closedMotionsOf(db: Db, meetingId: string): Map<string, Motion> {
  let byMeeting = closedByDb.get(db);
  if (!byMeeting) closedByDb.set(db, (byMeeting = new Map()));
  let closed = byMeeting.get(meetingId);
  if (!closed) {
    // Readers in flight keep their own map; a cleared cache only costs a fuller read.
    if (byMeeting.size >= CLOSED_MEETINGS_LIMIT) byMeeting.clear();
    byMeeting.set(meetingId, (closed = new Map()));
  }
  return closed;
}

/** The state as one consistent snapshot (one statement: every part sees the same commits). */
export async function readState(
  db: Db,
  meetingId: string,
  nowMs = Date.now(),
): Promise<MeetingState> {
  const closed = closedMotionsOf(db, meetingId);
  const day = vietnamDay(nowMs);
  const read = () => db.query<StateRow>(STATE_SQL, [meetingId, [...closed.keys()], day]);
  let [row] = await read();
  if (!row?.meeting) throw notFound('Không tìm thấy cuộc họp.', 'Meeting not found.');
  if (!row.live) {
    // The meeting's first state read: its live row is made on demand.
    await ensureLiveRow(db, meetingId);
    [row] = await read();
  }
  const motions = row!.motions.map((r) => {
    if (r.status === undefined) return closed.get(r.id)!;
    const m = motionOf(r);
    if (m.status === 'closed' && m.result) closed.set(m.id, m);
    return m;
  });
  return stateOf(row!, motions);
}

function stateOf(row: StateRow, motions: Motion[]): MeetingState {
  const meeting = { ...row.meeting!, live: liveSettings(row.meeting!.settings) };
  const { agenda, hands, confirms } = row;
  const l = row.live!;
  return {
    // Every change but a ballot bumps meeting_live.version; a new ballot raises a cast count. The
    // sum grows with each change, so clients keep ordering states by it (ballot changes under
    // allowChange alter nothing in this state).
    version: l.version + motions.reduce((n, m) => n + m.castCount, 0),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      councilName: meeting.council_name,
      startsAt: new Date(meeting.starts_at).toISOString(),
      rules: {
        defaultRule: meeting.live.defaultRule,
        delegateRemovalRule: meeting.live.delegateRemovalRule,
        officeDismissalRule: meeting.live.officeDismissalRule,
      },
    },
    agenda,
    currentAgendaItemId: l.current_agenda_item_id,
    queue: hands.map((h) => ({
      id: h.id,
      identity: h.identity,
      name: h.name,
      role: h.role,
      kind: h.kind,
      raisedAt: new Date(h.raised_at).toISOString(),
    })),
    floor:
      l.floor_identity && l.floor_started_at && l.floor_ends_at
        ? {
            identity: l.floor_identity,
            name: l.floor_name ?? '',
            role: l.floor_role ?? 'member',
            kind: l.floor_kind ?? 'speak',
            startedAt: new Date(l.floor_started_at).toISOString(),
            endsAt: new Date(l.floor_ends_at).toISOString(),
          }
        : null,
    microphones: {
      control: microphoneControl(meeting.kind, meeting.live.microphones),
      freeDiscussion: l.free_discussion,
    },
    motions,
    shownResultMotionId: l.shown_result_motion_id,
    attendance: attendanceFrom(row.attendance, row.configured_total ?? 0, meeting.live.quorum),
    rollCall: {
      open: l.roll_call_open,
      startedAt: iso(l.roll_call_started_at),
      confirmedMemberIds: confirms,
    },
  };
}
