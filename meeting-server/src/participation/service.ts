// Loads the facts of a council's period (sittings held, attendance events, approved leave, the
// floor log, closed votes with who voted — a named vote's choice, a secret vote's "took part" —
// voter meetings and their petitions) and computes the participation record from them
// (compute.ts). Read only; every figure comes from rows other features already wrote.
import type {
  ParticipationQuery,
  ParticipationRecord,
  ParticipationTable,
} from '../../../shared/participation';
import type { Queryable } from '../db/database';
import { badRequest, notFound } from '../http/errors';
import {
  computeParticipation,
  type AttendanceEventKind,
  type MemberParticipation,
  type ParticipationFacts,
} from './compute';

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());
const DAY_MS = 86_400_000;

/** The period's bounds in time (null: open): Vietnam days (UTC+7), `to` included. */
export function periodBounds(q: ParticipationQuery): { from: Date | null; to: Date | null } {
  const from = q.from ? new Date(`${q.from}T00:00:00+07:00`) : null;
  const to = q.to ? new Date(Date.parse(`${q.to}T00:00:00+07:00`) + DAY_MS) : null;
  if (from && to && from >= to) {
    throw badRequest(
      'Ngày bắt đầu phải trước ngày kết thúc.',
      'The first day must come before the last.',
    );
  }
  return { from, to };
}

async function loadFacts(
  db: Queryable,
  councilId: string,
  q: ParticipationQuery,
  memberId: string | null,
): Promise<{ councilName: string; facts: ParticipationFacts }> {
  const [council] = await db.query<{ name: string }>('SELECT name FROM councils WHERE id = $1', [
    councilId,
  ]);
  if (!council) throw notFound('Không tìm thấy hội đồng này.', 'No such council.');
  const { from, to } = periodBounds(q);

  const members = await db.query<{
    id: string;
    full_name: string;
    delegate_group: string | null;
    term_ended_on: string | null;
  }>(
    `SELECT id, full_name, delegate_group, to_char(term_ended_on, 'YYYY-MM-DD') AS term_ended_on
       FROM members
      WHERE council_id = $1 AND ($2::text IS NULL OR id = $2) ORDER BY full_name, id`,
    [councilId, memberId],
  );
  const committees = await db.query<{ member_id: string; name: string }>(
    `SELECT bm.member_id, b.name FROM body_members bm JOIN bodies b ON b.id = bm.body_id
      WHERE b.council_id = $1 AND b.kind IN ('committee', 'standing') ORDER BY b.name`,
    [councilId],
  );
  // Meetings held (opened at least once) in the period; scheduled ones have not happened yet.
  const meetings = await db.query<{
    id: string;
    title: string;
    kind: 'session' | 'committee' | 'standing' | 'voter';
    body_id: string;
    starts_at: Date;
    opened_at: Date | null;
    closed_at: Date | null;
  }>(
    `SELECT id, title, kind, body_id, starts_at, opened_at, closed_at FROM meetings
      WHERE council_id = $1 AND status <> 'scheduled'
        AND ($2::timestamptz IS NULL OR starts_at >= $2) AND ($3::timestamptz IS NULL OR starts_at < $3)
      ORDER BY starts_at, id`,
    [councilId, from, to],
  );
  const ids = meetings.map((m) => m.id);
  const bodyIds = [...new Set(meetings.map((m) => m.body_id))];
  const bodyMembers = await db.query<{ body_id: string; member_id: string }>(
    'SELECT body_id, member_id FROM body_members WHERE body_id = ANY($1::text[])',
    [bodyIds],
  );
  const byBody = new Map<string, Set<string>>();
  for (const r of bodyMembers) {
    const set = byBody.get(r.body_id) ?? new Set<string>();
    set.add(r.member_id);
    byBody.set(r.body_id, set);
  }

  const events = await db.query<{
    meeting_id: string;
    member_id: string;
    event: AttendanceEventKind;
    at: Date;
  }>(
    `SELECT meeting_id, member_id, event, at FROM attendance_events
      WHERE meeting_id = ANY($1::text[]) ORDER BY at, id`,
    [ids],
  );
  const leave = await db.query<{ meeting_id: string; member_id: string }>(
    `SELECT meeting_id, member_id FROM leave_requests
      WHERE meeting_id = ANY($1::text[]) AND status = 'approved'`,
    [ids],
  );
  const floor = await db.query<{
    meeting_id: string;
    identity: string;
    kind: string | null;
    started_at: Date;
    ended_at: Date | null;
  }>(
    `SELECT meeting_id, identity, kind, started_at, ended_at FROM floor_log
      WHERE meeting_id = ANY($1::text[]) AND identity LIKE 'member:%' ORDER BY started_at, id`,
    [ids],
  );
  const motions = await db.query<{
    id: string;
    meeting_id: string;
    title: string;
    secret: boolean;
  }>(
    `SELECT id, meeting_id, title, secret FROM motions
      WHERE meeting_id = ANY($1::text[]) AND status = 'closed' ORDER BY created_at, id`,
    [ids],
  );
  const motionIds = motions.map((m) => m.id);
  const eligible = await db.query<{ motion_id: string; member_id: string }>(
    'SELECT motion_id, member_id FROM motion_eligible WHERE motion_id = ANY($1::text[])',
    [motionIds],
  );
  // A named vote's ballot with its choice; a secret vote's list of who voted (it has no choice).
  const ballots = await db.query<{
    motion_id: string;
    member_id: string;
    choice: 'for' | 'against' | 'abstain' | null;
  }>(
    `SELECT motion_id, member_id, choice FROM open_ballots WHERE motion_id = ANY($1::text[])
     UNION ALL
     SELECT motion_id, member_id, NULL FROM motion_voters WHERE motion_id = ANY($1::text[])`,
    [motionIds],
  );
  const voterIds = meetings.filter((m) => m.kind === 'voter').map((m) => m.id);
  const petitions = await db.query<{
    meeting_id: string;
    status: 'received' | 'forwarded' | 'answered';
  }>('SELECT meeting_id, status FROM petitions WHERE meeting_id = ANY($1::text[])', [voterIds]);

  const committeesOf = new Map<string, string[]>();
  for (const c of committees)
    committeesOf.set(c.member_id, [...(committeesOf.get(c.member_id) ?? []), c.name]);
  const eligibleOf = new Map<string, string[]>();
  for (const e of eligible) {
    const list = eligibleOf.get(e.motion_id);
    if (list) list.push(e.member_id);
    else eligibleOf.set(e.motion_id, [e.member_id]);
  }

  return {
    councilName: council.name,
    facts: {
      members: members.map((m) => ({
        id: m.id,
        name: m.full_name,
        delegateGroup: m.delegate_group,
        termEndedOn: m.term_ended_on,
        committees: committeesOf.get(m.id) ?? [],
      })),
      sittings: meetings
        .filter((m) => m.kind !== 'voter')
        .map((m) => ({
          id: m.id,
          title: m.title,
          kind: m.kind as 'session' | 'committee' | 'standing',
          startsAt: ms(m.starts_at)!,
          openedAt: ms(m.opened_at),
          closedAt: ms(m.closed_at),
          bodyMemberIds: byBody.get(m.body_id) ?? new Set(),
        })),
      events: events.map((e) => ({
        meetingId: e.meeting_id,
        memberId: e.member_id,
        event: e.event,
        at: ms(e.at)!,
      })),
      leave: leave.map((l) => ({ meetingId: l.meeting_id, memberId: l.member_id })),
      floor: floor.map((f) => ({
        meetingId: f.meeting_id,
        memberId: f.identity.slice('member:'.length),
        kind: f.kind,
        startedAt: ms(f.started_at)!,
        endedAt: ms(f.ended_at),
      })),
      motions: motions.map((m) => ({
        id: m.id,
        meetingId: m.meeting_id,
        title: m.title,
        secret: m.secret,
        eligible: eligibleOf.get(m.id) ?? [],
      })),
      ballots: ballots.map((b) => ({
        motionId: b.motion_id,
        memberId: b.member_id,
        choice: b.choice,
      })),
      voterMeetings: meetings
        .filter((m) => m.kind === 'voter')
        .map((m) => ({ id: m.id, title: m.title, startsAt: ms(m.starts_at)! })),
      petitions: petitions.map((p) => ({ meetingId: p.meeting_id, status: p.status })),
    },
  };
}

/** Every delegate of the council, one row each, for the staff table and the exports. */
export async function participationTable(
  db: Queryable,
  councilId: string,
  q: ParticipationQuery,
): Promise<ParticipationTable> {
  const { councilName, facts } = await loadFacts(db, councilId, q, null);
  return {
    councilName,
    from: q.from ?? null,
    to: q.to ?? null,
    rows: computeParticipation(facts).map((r) => r.summary),
  };
}

/** One delegate's record with every sitting behind the figures. */
export async function participationRecord(
  db: Queryable,
  memberId: string,
  q: ParticipationQuery,
): Promise<ParticipationRecord> {
  const [member] = await db.query<{ council_id: string }>(
    'SELECT council_id FROM members WHERE id = $1',
    [memberId],
  );
  if (!member) throw notFound('Không tìm thấy đại biểu này.', 'No such delegate.');
  const { councilName, facts } = await loadFacts(db, member.council_id, q, memberId);
  const [mine] = computeParticipation(facts) as [MemberParticipation];
  return { councilName, from: q.from ?? null, to: q.to ?? null, ...mine };
}
