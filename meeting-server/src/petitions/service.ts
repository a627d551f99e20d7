// Voters' petitions (kiến nghị cử tri): a voter sends one from a voter meeting; the secretariat
// classifies it, forwards it to the responsible authority, records the answer and publishes it.
// Every change is one transaction that also records who did it and when (petition_events).
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  Petition,
  PetitionCategory,
  PetitionEvent,
  PublishedPetitions,
  SubmitPetition,
} from '../../../shared/petitions';
import type { MeetingKind, MeetingStatus } from '../../../shared/domain';
import { ErrorCode } from '../../../shared/errors';
import { newPetitionRef } from '../../../shared/petition-ref';
import type { Db, Queryable } from '../db/database';
import { HttpError, forbidden, notFound } from '../http/errors';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limits';
import { enforce, type Limit } from '../http/rate-limit';
import { refreshSearch, searchTexts, toPetition, toPublished, type PetitionRow } from './board';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Petitions one voter session may send, and one network address (defaults: per hour). */
export const PETITION_LIMIT: Limit = DEFAULT_RATE_LIMITS.petition!;
export const PETITION_IP_LIMIT: Limit = DEFAULT_RATE_LIMITS.petitionIp!;

const noPetition = () => notFound('Không tìm thấy kiến nghị này.', 'No such petition.');
const noMeeting = () => notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');

interface MeetingInfo {
  id: string;
  kind: MeetingKind;
  status: MeetingStatus;
  title: string;
  starts_at: Date;
  council_name: string;
}

async function meetingInfo(db: Queryable, id: string): Promise<MeetingInfo | undefined> {
  const rows = await db.query<MeetingInfo>(
    `SELECT mt.id, mt.kind, mt.status, mt.title, mt.starts_at, c.name AS council_name
       FROM meetings mt JOIN councils c ON c.id = mt.council_id WHERE mt.id = $1`,
    [id],
  );
  return rows[0];
}

async function record(
  db: Queryable,
  petitionId: string,
  actor: string,
  action: PetitionEvent['action'],
  detail: string | null,
  nowMs: number,
) {
  await db.query(
    'INSERT INTO petition_events (id, petition_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), petitionId, iso(new Date(nowMs)), actor, action, detail],
  );
}

/** A voter sends a petition from a voter meeting that has not ended. */
export async function submitPetition(
  deps: {
    db: Db;
    now: () => number;
    rateLimits?: Pick<RateLimits, 'petition' | 'petitionDevice' | 'petitionIp'>;
  },
  /** `device`: the public link and device key (http/rate-limits.ts `deviceKey`), if sent. */
  who: { meetingId: string; identity: string; ip: string; device?: string | null },
  body: SubmitPetition,
) {
  const meeting = await meetingInfo(deps.db, who.meetingId);
  if (!meeting) throw noMeeting();
  if (meeting.kind !== 'voter') {
    throw forbidden(
      'Chỉ gửi kiến nghị trong buổi tiếp xúc cử tri.',
      'Petitions are sent only in a constituent (voter) meeting.',
    );
  }
  if (meeting.status === 'closed') {
    throw new HttpError(
      409,
      ErrorCode.meetingClosed,
      'Buổi tiếp xúc cử tri đã kết thúc; không nhận thêm kiến nghị qua trang này.',
      'This constituent meeting has ended; petitions are no longer taken here.',
    );
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Counted in the transaction: a refused or failed petition is not counted.
    const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
    await enforce(tx, `petition:${who.meetingId}:${who.identity}`, limits.petition, now);
    if (who.device) await enforce(tx, `petition-dev:${who.device}`, limits.petitionDevice, now);
    await enforce(tx, `petition-ip:${who.ip}`, limits.petitionIp, now);
    const id = randomUUID();
    // 30^8 references: a clash is about as likely as a UUID's; the unique index would refuse it.
    const ref = newPetitionRef((n) => randomBytes(n));
    const fields = {
      ref,
      name: body.name,
      ward: body.ward || null,
      contact: body.contact || null,
      text: body.text,
      authority: null,
      answer: null,
    };
    const search = searchTexts(fields);
    await tx.query(
      `INSERT INTO petitions (id, ref, meeting_id, submitter_identity, name, ward, contact, text,
                              search_staff, search_public, ward_key, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        id,
        ref,
        who.meetingId,
        who.identity,
        fields.name,
        fields.ward,
        fields.contact,
        fields.text,
        search.searchStaff,
        search.searchPublic,
        search.wardKey,
        iso(new Date(now)),
      ],
    );
    await record(tx, id, 'voter', 'submitted', null, now);
    return { id, ref, status: 'received' as const, createdAt: iso(new Date(now)) };
  });
}

export async function listPetitions(db: Queryable, meetingId: string): Promise<Petition[]> {
  if (!(await meetingInfo(db, meetingId))) throw noMeeting();
  const rows = await db.query<PetitionRow>(
    'SELECT * FROM petitions WHERE meeting_id = $1 ORDER BY created_at, id',
    [meetingId],
  );
  return rows.map(toPetition);
}

export async function getPetition(db: Queryable, id: string): Promise<Petition> {
  const rows = await db.query<PetitionRow>('SELECT * FROM petitions WHERE id = $1', [id]);
  if (!rows[0]) throw noPetition();
  const events = await db.query<{
    at: Date;
    actor: string;
    action: PetitionEvent['action'];
    detail: string | null;
  }>(
    'SELECT at, actor, action, detail FROM petition_events WHERE petition_id = $1 ORDER BY at, id',
    [id],
  );
  return {
    ...toPetition(rows[0]),
    history: events.map((e) => ({
      at: iso(e.at),
      actor: e.actor,
      action: e.action,
      detail: e.detail,
    })),
  };
}

const conflict = (vi: string, en: string) => new HttpError(409, ErrorCode.conflict, vi, en);

export type PetitionChange =
  | { action: 'classified'; category: PetitionCategory }
  | { action: 'forwarded'; authority: string }
  | { action: 'answered'; answer: string }
  | { action: 'published' | 'unpublished' };

/** Applies one staff change to a petition and records it with the actor and the time. */
export async function changePetition(
  deps: { db: Db; now: () => number },
  id: string,
  actor: string,
  change: PetitionChange,
): Promise<Petition> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query<PetitionRow>('SELECT * FROM petitions WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    const p = rows[0];
    if (!p) throw noPetition();
    let detail: string | null = null;
    switch (change.action) {
      case 'classified':
        detail = change.category;
        await tx.query('UPDATE petitions SET category = $2 WHERE id = $1', [id, change.category]);
        break;
      case 'forwarded':
        if (p.status === 'answered') {
          throw conflict(
            'Kiến nghị đã được trả lời; không chuyển tiếp nữa.',
            'This petition has already been answered; it is not forwarded again.',
          );
        }
        detail = change.authority;
        await tx.query("UPDATE petitions SET authority = $2, status = 'forwarded' WHERE id = $1", [
          id,
          change.authority,
        ]);
        break;
      case 'answered':
        detail = change.answer;
        await tx.query("UPDATE petitions SET answer = $2, status = 'answered' WHERE id = $1", [
          id,
          change.answer,
        ]);
        break;
      case 'published':
        if (p.status !== 'answered') {
          throw conflict(
            'Chỉ công bố kiến nghị đã có câu trả lời. Hãy ghi nhận câu trả lời trước.',
            'Only answered petitions are published. Record the answer first.',
          );
        }
        await tx.query('UPDATE petitions SET published = true WHERE id = $1', [id]);
        break;
      case 'unpublished':
        await tx.query('UPDATE petitions SET published = false WHERE id = $1', [id]);
        break;
    }
    await tx.query('UPDATE petitions SET updated_at = $2 WHERE id = $1', [id, iso(new Date(now))]);
    if (change.action === 'forwarded' || change.action === 'answered') await refreshSearch(tx, id);
    await record(tx, id, actor, change.action, detail, now);
  });
  return getPetition(deps.db, id);
}

/** Publishes every answered, not yet published petition of a meeting; returns how many. */
export async function publishAnswered(
  deps: { db: Db; now: () => number },
  meetingId: string,
  actor: string,
): Promise<number> {
  if (!(await meetingInfo(deps.db, meetingId))) throw noMeeting();
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `UPDATE petitions SET published = true, updated_at = $2
        WHERE meeting_id = $1 AND status = 'answered' AND NOT published RETURNING id`,
      [meetingId, iso(new Date(now))],
    );
    for (const r of rows) await record(tx, r.id, actor, 'published', null, now);
    return rows.length;
  });
}

/** The public page: published petitions with their answers; never names or contacts. */
export async function publishedPetitions(
  db: Queryable,
  meetingId: string,
): Promise<PublishedPetitions> {
  const meeting = await meetingInfo(db, meetingId);
  if (!meeting) throw noMeeting();
  const rows = await db.query<PetitionRow>(
    "SELECT * FROM petitions WHERE meeting_id = $1 AND published AND status = 'answered' ORDER BY created_at, id",
    [meetingId],
  );
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      councilName: meeting.council_name,
      startsAt: iso(meeting.starts_at),
    },
    petitions: rows.map(toPublished),
  };
}
