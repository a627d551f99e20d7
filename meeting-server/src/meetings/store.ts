// Persistence for councils, members, bodies, meetings, agenda items and invitations.
import { randomUUID } from 'node:crypto';
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
  meeting_title: string;
  meeting_kind: MeetingKind;
  meeting_status: MeetingStatus;
  starts_at: Date;
  room_name: string;
  body_id: string;
  council_name: string;
}

export async function findInvitation(
  db: Queryable,
  id: string,
): Promise<InvitationRow | undefined> {
  const rows = await db.query<InvitationRow>(
    `SELECT i.id, i.meeting_id, i.member_id, i.role, i.display_name, m.full_name AS member_name,
            i.expires_at, i.revoked_at, mt.title AS meeting_title, mt.kind AS meeting_kind,
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
