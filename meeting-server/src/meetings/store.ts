// Persistence of councils, members, bodies, meetings with their agenda and settings, and
// invitations: creating, finding, listing, changing and revoking them. Rows are mapped to the
// shared contracts here.
import { randomUUID } from 'node:crypto';
import {
  MeetingSettings,
  type Body,
  type Council,
  type Meeting,
  type Member,
  type TermEnd,
  type TermEndReason,
} from '../../../shared/admin';
import type {
  BodyKind,
  CouncilLevel,
  MeetingKind,
  MeetingStatus,
  Role,
} from '../../../shared/domain';
import type { Queryable } from '../db/database';

export const newId = () => randomUUID();

export async function createCouncil(
  db: Queryable,
  c: { name: string; level: CouncilLevel; totalMembers: number },
): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO councils (id, name, level, total_members) VALUES ($1, $2, $3, $4)', [
    id,
    c.name,
    c.level,
    c.totalMembers,
  ]);
  return id;
}

export async function addMember(
  db: Queryable,
  m: {
    councilId: string;
    fullName: string;
    delegateGroup?: string | null;
    /** `yyyy-mm-dd`. */
    dateOfBirth?: string | null;
    unit?: string | null;
    phone?: string | null;
    email?: string | null;
  },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO members (id, council_id, full_name, delegate_group, date_of_birth, unit, phone, email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      m.councilId,
      m.fullName,
      m.delegateGroup ?? null,
      m.dateOfBirth ?? null,
      m.unit ?? null,
      m.phone ?? null,
      m.email ?? null,
    ],
  );
  return id;
}

export async function createBody(
  db: Queryable,
  b: { councilId: string; kind: BodyKind; name: string; memberIds: string[] },
): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO bodies (id, council_id, kind, name) VALUES ($1, $2, $3, $4)', [
    id,
    b.councilId,
    b.kind,
    b.name,
  ]);
  for (const memberId of b.memberIds) {
    await db.query('INSERT INTO body_members (body_id, member_id) VALUES ($1, $2)', [id, memberId]);
  }
  return id;
}

export async function createMeeting(
  db: Queryable,
  m: {
    councilId: string;
    bodyId: string;
    kind: MeetingKind;
    title: string;
    startsAt: Date;
    agenda?: string[];
    settings?: Record<string, unknown>;
  },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO meetings (id, council_id, body_id, kind, title, starts_at, settings, room_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      m.councilId,
      m.bodyId,
      m.kind,
      m.title,
      m.startsAt.toISOString(),
      JSON.stringify(m.settings ?? {}),
      `meeting-${id}`,
    ],
  );
  let position = 1;
  for (const title of m.agenda ?? []) {
    await db.query(
      'INSERT INTO agenda_items (id, meeting_id, position, title) VALUES ($1, $2, $3, $4)',
      [newId(), id, position++, title],
    );
  }
  return id;
}

export async function createInvitation(
  db: Queryable,
  i: { meetingId: string; role: Role; memberId?: string; displayName?: string; expiresAt: Date },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO invitations (id, meeting_id, member_id, role, display_name, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, i.meetingId, i.memberId ?? null, i.role, i.displayName ?? null, i.expiresAt.toISOString()],
  );
  return id;
}

export interface InvitationRow {
  id: string;
  meeting_id: string;
  member_id: string | null;
  role: Role;
  display_name: string | null;
  member_name: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  /** The member's term end day (YYYY-MM-DD), if it has ended or is set to end. */
  term_ended_on: string | null;
  meeting_title: string;
  meeting_kind: MeetingKind;
  meeting_status: MeetingStatus;
  starts_at: Date;
  room_name: string;
  body_id: string;
  council_name: string;
}

/** Whether a LiveKit room is one of this server's meetings. */
export async function meetingInRoom(db: Queryable, roomName: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM meetings WHERE room_name = $1 LIMIT 1', [roomName]);
  return rows.length > 0;
}

export async function findInvitation(
  db: Queryable,
  id: string,
): Promise<InvitationRow | undefined> {
  const rows = await db.query<InvitationRow>(
    `SELECT i.id, i.meeting_id, i.member_id, i.role, i.display_name, m.full_name AS member_name,
            i.expires_at, i.revoked_at, to_char(m.term_ended_on, 'YYYY-MM-DD') AS term_ended_on,
            mt.title AS meeting_title, mt.kind AS meeting_kind,
            mt.status AS meeting_status, mt.starts_at, mt.room_name, mt.body_id, c.name AS council_name
       FROM invitations i
       JOIN meetings mt ON mt.id = i.meeting_id
       JOIN councils c ON c.id = mt.council_id
       LEFT JOIN members m ON m.id = i.member_id
      WHERE i.id = $1`,
    [id],
  );
  return rows[0];
}

export async function isBodyMember(
  db: Queryable,
  bodyId: string,
  memberId: string,
): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM body_members WHERE body_id = $1 AND member_id = $2', [
    bodyId,
    memberId,
  ]);
  return rows.length > 0;
}

const iso = (d: Date | string) => new Date(d).toISOString();

interface CouncilRow {
  id: string;
  name: string;
  level: CouncilLevel;
  total_members: number;
  created_at: Date;
}
const toCouncil = (r: CouncilRow): Council => ({
  id: r.id,
  name: r.name,
  level: r.level,
  totalMembers: Number(r.total_members),
  createdAt: iso(r.created_at),
});

export async function listCouncils(db: Queryable): Promise<Council[]> {
  return (await db.query<CouncilRow>('SELECT * FROM councils ORDER BY created_at, name')).map(
    toCouncil,
  );
}

export async function getCouncil(db: Queryable, id: string): Promise<Council | undefined> {
  const rows = await db.query<CouncilRow>('SELECT * FROM councils WHERE id = $1', [id]);
  return rows[0] && toCouncil(rows[0]);
}

export async function updateCouncil(
  db: Queryable,
  id: string,
  c: { name?: string; level?: CouncilLevel; totalMembers?: number },
): Promise<void> {
  await db.query(
    `UPDATE councils SET name = COALESCE($2, name), level = COALESCE($3, level),
            total_members = COALESCE($4, total_members) WHERE id = $1`,
    [id, c.name ?? null, c.level ?? null, c.totalMembers ?? null],
  );
}

interface MemberRow {
  id: string;
  council_id: string;
  full_name: string;
  delegate_group: string | null;
  body_ids: string[] | null;
  date_of_birth: string | null;
  unit: string | null;
  phone: string | null;
  email: string | null;
  term_ended_on: string | null;
  term_end_reason: TermEndReason | null;
}
const memberSelect = `SELECT m.id, m.council_id, m.full_name, m.delegate_group,
    to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, m.unit, m.phone, m.email,
    to_char(m.term_ended_on, 'YYYY-MM-DD') AS term_ended_on, m.term_end_reason,
    COALESCE((SELECT array_agg(bm.body_id ORDER BY bm.body_id) FROM body_members bm WHERE bm.member_id = m.id), '{}') AS body_ids
  FROM members m`;
const toMember = (r: MemberRow): Member => ({
  id: r.id,
  councilId: r.council_id,
  fullName: r.full_name,
  delegateGroup: r.delegate_group,
  bodyIds: r.body_ids ?? [],
  dateOfBirth: r.date_of_birth,
  unit: r.unit,
  phone: r.phone,
  email: r.email,
  termEnd:
    r.term_ended_on && r.term_end_reason
      ? { on: r.term_ended_on, reason: r.term_end_reason }
      : null,
});

export async function listMembers(db: Queryable, councilId: string): Promise<Member[]> {
  const rows = await db.query<MemberRow>(
    `${memberSelect} WHERE m.council_id = $1 ORDER BY m.full_name, m.id`,
    [councilId],
  );
  return rows.map(toMember);
}

export async function getMember(db: Queryable, id: string): Promise<Member | undefined> {
  const rows = await db.query<MemberRow>(`${memberSelect} WHERE m.id = $1`, [id]);
  return rows[0] && toMember(rows[0]);
}

export async function updateMember(
  db: Queryable,
  id: string,
  m: {
    fullName?: string | undefined;
    delegateGroup?: string | null | undefined;
    termEnd?: TermEnd | null | undefined;
    dateOfBirth?: string | null | undefined;
    unit?: string | null | undefined;
    phone?: string | null | undefined;
    email?: string | null | undefined;
  },
): Promise<void> {
  const columns = {
    date_of_birth: m.dateOfBirth,
    unit: m.unit,
    phone: m.phone,
    email: m.email,
  } as const;
  for (const [column, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    await db.query(`UPDATE members SET ${column} = $2 WHERE id = $1`, [id, value]);
  }
  if (m.termEnd !== undefined) {
    await db.query(
      'UPDATE members SET term_ended_on = $2::date, term_end_reason = $3 WHERE id = $1',
      [id, m.termEnd?.on ?? null, m.termEnd?.reason ?? null],
    );
  }
  if (m.fullName !== undefined) {
    await db.query('UPDATE members SET full_name = $2 WHERE id = $1', [id, m.fullName]);
  }
  if (m.delegateGroup !== undefined) {
    await db.query('UPDATE members SET delegate_group = $2 WHERE id = $1', [id, m.delegateGroup]);
  }
}

export async function setMemberBodies(db: Queryable, memberId: string, bodyIds: string[]) {
  await db.query('DELETE FROM body_members WHERE member_id = $1', [memberId]);
  for (const bodyId of new Set(bodyIds)) {
    await db.query('INSERT INTO body_members (body_id, member_id) VALUES ($1, $2)', [
      bodyId,
      memberId,
    ]);
  }
}

/** How many of `ids` are bodies / members of `councilId` (to refuse ids from another council). */
export async function countInCouncil(
  db: Queryable,
  table: 'bodies' | 'members',
  councilId: string,
  ids: string[],
): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE council_id = $1 AND id = ANY($2)`,
    [councilId, [...new Set(ids)]],
  );
  return Number(rows[0]?.n ?? 0);
}

interface BodyRow {
  id: string;
  council_id: string;
  kind: BodyKind;
  name: string;
  member_ids: string[] | null;
}
const bodySelect = `SELECT b.id, b.council_id, b.kind, b.name,
    COALESCE((SELECT array_agg(bm.member_id ORDER BY bm.member_id) FROM body_members bm WHERE bm.body_id = b.id), '{}') AS member_ids
  FROM bodies b`;
const toBody = (r: BodyRow): Body => ({
  id: r.id,
  councilId: r.council_id,
  kind: r.kind,
  name: r.name,
  memberIds: r.member_ids ?? [],
});

export async function listBodies(db: Queryable, councilId: string): Promise<Body[]> {
  const rows = await db.query<BodyRow>(`${bodySelect} WHERE b.council_id = $1 ORDER BY b.name`, [
    councilId,
  ]);
  return rows.map(toBody);
}

export async function getBody(db: Queryable, id: string): Promise<Body | undefined> {
  const rows = await db.query<BodyRow>(`${bodySelect} WHERE b.id = $1`, [id]);
  return rows[0] && toBody(rows[0]);
}

export async function setBodyMembers(db: Queryable, bodyId: string, memberIds: string[]) {
  await db.query('DELETE FROM body_members WHERE body_id = $1', [bodyId]);
  for (const memberId of new Set(memberIds)) {
    await db.query('INSERT INTO body_members (body_id, member_id) VALUES ($1, $2)', [
      bodyId,
      memberId,
    ]);
  }
}

export interface MeetingRow {
  id: string;
  council_id: string;
  council_name: string;
  body_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  status: MeetingStatus;
  settings: Record<string, unknown> | string;
}
const meetingSelect = `SELECT mt.id, mt.council_id, c.name AS council_name, mt.body_id, mt.kind,
    mt.title, mt.starts_at, mt.status, mt.settings
  FROM meetings mt JOIN councils c ON c.id = mt.council_id`;

export const rawSettings = (r: MeetingRow): Record<string, unknown> =>
  typeof r.settings === 'string'
    ? (JSON.parse(r.settings) as Record<string, unknown>)
    : (r.settings ?? {});

/** The meeting's settings with defaults filled in; a stored value that no longer fits falls back. */
export function settingsOf(r: MeetingRow): MeetingSettings {
  const raw = rawSettings(r);
  const parsed = MeetingSettings.safeParse(raw);
  return parsed.success ? parsed.data : MeetingSettings.parse({});
}

export async function findMeeting(db: Queryable, id: string): Promise<MeetingRow | undefined> {
  const rows = await db.query<MeetingRow>(`${meetingSelect} WHERE mt.id = $1`, [id]);
  return rows[0];
}

export async function listMeetings(db: Queryable, councilId: string): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `${meetingSelect} WHERE mt.council_id = $1 ORDER BY mt.starts_at DESC, mt.title`,
    [councilId],
  );
}

export async function agendaOf(db: Queryable, meetingId: string) {
  return db.query<{ id: string; position: number; title: string }>(
    'SELECT id, position, title FROM agenda_items WHERE meeting_id = $1 ORDER BY position',
    [meetingId],
  );
}

export async function meetingView(db: Queryable, r: MeetingRow): Promise<Meeting> {
  return {
    ...meetingSummary(r),
    settings: settingsOf(r),
    agenda: (await agendaOf(db, r.id)).map((a) => ({ ...a, position: Number(a.position) })),
  };
}

export function meetingSummary(r: MeetingRow): Omit<Meeting, 'agenda' | 'settings'> {
  return {
    id: r.id,
    councilId: r.council_id,
    councilName: r.council_name,
    bodyId: r.body_id,
    kind: r.kind,
    title: r.title,
    startsAt: iso(r.starts_at),
    status: r.status,
  };
}

export async function updateMeeting(
  db: Queryable,
  id: string,
  m: {
    title?: string;
    startsAt?: string;
    settings?: Record<string, unknown>;
  },
): Promise<void> {
  // The status is not changed here: it goes through votes/sitting.ts (quorum, open votes).
  await db.query(
    `UPDATE meetings SET title = COALESCE($2, title), starts_at = COALESCE($3::timestamptz, starts_at),
            settings = COALESCE($4::jsonb, settings) WHERE id = $1`,
    [id, m.title ?? null, m.startsAt ?? null, m.settings ? JSON.stringify(m.settings) : null],
  );
}

/** Replaces the agenda: kept items (by id) move to their new position, others are added or removed. */
export async function setAgenda(
  db: Queryable,
  meetingId: string,
  items: { id?: string | undefined; title: string }[],
): Promise<void> {
  const keep = items.flatMap((i) => (i.id ? [i.id] : []));
  await db.query('DELETE FROM agenda_items WHERE meeting_id = $1 AND NOT (id = ANY($2))', [
    meetingId,
    keep,
  ]);
  // Move kept items out of the way first: (meeting_id, position) is unique.
  await db.query('UPDATE agenda_items SET position = -position - 1 WHERE meeting_id = $1', [
    meetingId,
  ]);
  let position = 1;
  for (const item of items) {
    if (item.id) {
      await db.query(
        'UPDATE agenda_items SET position = $3, title = $4 WHERE id = $1 AND meeting_id = $2',
        [item.id, meetingId, position, item.title],
      );
    } else {
      await db.query(
        'INSERT INTO agenda_items (id, meeting_id, position, title) VALUES ($1, $2, $3, $4)',
        [randomUUID(), meetingId, position, item.title],
      );
    }
    position++;
  }
}

export interface InvitationListRow {
  id: string;
  meeting_id: string;
  role: Role;
  member_id: string | null;
  display_name: string | null;
  member_name: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
}

export async function listInvitations(
  db: Queryable,
  meetingId: string,
): Promise<InvitationListRow[]> {
  return db.query<InvitationListRow>(
    `SELECT i.id, i.meeting_id, i.role, i.member_id, i.display_name, m.full_name AS member_name,
            i.expires_at, i.revoked_at, i.created_at
       FROM invitations i LEFT JOIN members m ON m.id = i.member_id
      WHERE i.meeting_id = $1
      ORDER BY i.created_at, i.id`,
    [meetingId],
  );
}

export async function findInvitationOf(
  db: Queryable,
  meetingId: string,
  invitationId: string,
): Promise<InvitationListRow | undefined> {
  return (await listInvitations(db, meetingId)).find((i) => i.id === invitationId);
}

/** The live (not revoked, not expired) public voter link of a meeting, newest first. */
export async function liveVoterInvitation(
  db: Queryable,
  meetingId: string,
  nowMs: number,
): Promise<InvitationListRow | undefined> {
  const rows = await db.query<InvitationListRow>(
    `SELECT i.id, i.meeting_id, i.role, i.member_id, i.display_name, NULL AS member_name,
            i.expires_at, i.revoked_at, i.created_at
       FROM invitations i
      WHERE i.meeting_id = $1 AND i.role = 'voter' AND i.revoked_at IS NULL AND i.expires_at > $2
      ORDER BY i.created_at DESC LIMIT 1`,
    [meetingId, new Date(nowMs).toISOString()],
  );
  return rows[0];
}

export async function revokeInvitation(db: Queryable, id: string, nowMs: number): Promise<void> {
  await db.query('UPDATE invitations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
    id,
    new Date(nowMs).toISOString(),
  ]);
}
