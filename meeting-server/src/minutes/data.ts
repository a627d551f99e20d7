// Collects the minutes (biên bản) of a meeting from the database: the council and meeting,
// agenda, attendance with every join/leave/check-in time, motions with their results (the named
// list for open votes), speakers in order (floor_log, recorded by a trigger on the live floor),
// petitions, and the secretary's parts of the official minutes (minutes/record.ts: number, place,
// conclusions per agenda item, closing) with who signs. The PDF, .docx and CSV are rendered from
// this one object.
import type { Minutes, MinutesRecordFacts } from '../../../shared/admin';
import { HandKind, MotionResult } from '../../../shared/meeting';
import type { Queryable } from '../db/database';
import { notFound } from '../http/errors';
import { attendanceOf, loadMeeting } from '../live/state';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export async function collectMinutes(
  db: Queryable,
  meetingId: string,
  nowMs: number,
): Promise<Minutes> {
  const [m] = await db.query<{
    id: string;
    title: string;
    kind: Minutes['meeting']['kind'];
    status: Minutes['meeting']['status'];
    starts_at: Date;
    body_id: string;
    body_name: string;
    council_name: string;
    level: Minutes['council']['level'];
    total_members: number;
  }>(
    `SELECT mt.id, mt.title, mt.kind, mt.status, mt.starts_at, mt.body_id, b.name AS body_name,
            c.name AS council_name, c.level, c.total_members
       FROM meetings mt JOIN councils c ON c.id = mt.council_id JOIN bodies b ON b.id = mt.body_id
      WHERE mt.id = $1`,
    [meetingId],
  );
  if (!m) throw notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');

  const agenda = await db.query<{ id: string; position: number; title: string }>(
    'SELECT id, position, title FROM agenda_items WHERE meeting_id = $1 ORDER BY position',
    [meetingId],
  );
  // The body's delegates serving on the day of the meeting, and their total (live/state.ts).
  const serving = await attendanceOf(
    db,
    await loadMeeting(db, meetingId),
    new Date(m.starts_at).getTime(),
  );
  const servingIds = new Set(serving.members.map((a) => a.memberId));
  const members = (
    await db.query<{ id: string; full_name: string; delegate_group: string | null }>(
      `SELECT mb.id, mb.full_name, mb.delegate_group FROM body_members bm
         JOIN members mb ON mb.id = bm.member_id WHERE bm.body_id = $1 ORDER BY mb.full_name, mb.id`,
      [m.body_id],
    )
  ).filter((mb) => servingIds.has(mb.id));
  const events = await db.query<{ member_id: string; event: string; at: Date }>(
    'SELECT member_id, event, at FROM attendance_events WHERE meeting_id = $1 ORDER BY at, id',
    [meetingId],
  );
  const approvedLeave = new Map(
    (
      await db.query<{ member_id: string; reason: string }>(
        `SELECT member_id, reason FROM leave_requests WHERE meeting_id = $1 AND status = 'approved'`,
        [meetingId],
      )
    ).map((l) => [l.member_id, l.reason]),
  );
  const attendanceMembers = members.map((mb) => {
    const mine = events
      .filter((e) => e.member_id === mb.id)
      .map((e) => ({
        event: e.event as Minutes['attendance']['members'][number]['events'][number]['event'],
        at: iso(e.at),
      }));
    const attended = mine.some(
      (e) => e.event === 'joined' || e.event === 'checked_in' || e.event === 'roll_call',
    );
    const leaveReason = attended ? null : (approvedLeave.get(mb.id) ?? null);
    return {
      memberId: mb.id,
      name: mb.full_name,
      delegateGroup: mb.delegate_group,
      attended,
      excused: leaveReason !== null,
      leaveReason,
      events: mine,
    };
  });

  const motions = await db.query<{
    id: string;
    title: string;
    agenda_item_id: string | null;
    kind: Minutes['motions'][number]['kind'];
    secret: boolean;
    rule: Minutes['motions'][number]['rule'];
    status: Minutes['motions'][number]['status'];
    opened_at: Date | null;
    closed_at: Date | null;
    result: unknown;
  }>(
    `SELECT id, title, agenda_item_id, kind, secret, rule, status, opened_at, closed_at, result
       FROM motions WHERE meeting_id = $1 ORDER BY created_at, id`,
    [meetingId],
  );
  const agendaTitle = new Map(agenda.map((a) => [a.id, a.title]));

  const petitions = await db.query<{
    name: string;
    ward: string | null;
    text: string;
    category: string | null;
    status: string;
    authority: string | null;
    answer: string | null;
    created_at: Date;
  }>(
    `SELECT name, ward, text, category, status, authority, answer, created_at
       FROM petitions WHERE meeting_id = $1 ORDER BY created_at, id`,
    [meetingId],
  );

  const speakers = await db.query<{
    name: string;
    role: Minutes['speakers']['list'][number]['role'];
    kind: string | null;
    started_at: Date;
    ended_at: Date | null;
  }>(
    'SELECT name, role, kind, started_at, ended_at FROM floor_log WHERE meeting_id = $1 ORDER BY started_at, id',
    [meetingId],
  );
  const record = await readRecordRow(db, meetingId);
  const conclusions = json<Record<string, string>>(record?.conclusions ?? {});
  const signers = await db.query<{ role: string; name: string | null }>(
    `SELECT i.role, coalesce(mb.full_name, i.display_name) AS name
       FROM invitations i LEFT JOIN members mb ON mb.id = i.member_id
      WHERE i.meeting_id = $1 AND i.role IN ('chair', 'secretary') AND i.revoked_at IS NULL
        AND coalesce(mb.full_name, i.display_name) IS NOT NULL
      ORDER BY i.created_at, i.id`,
    [meetingId],
  );
  const signer = (role: string) => signers.find((x) => x.role === role)?.name ?? null;

  return {
    council: { name: m.council_name, level: m.level, totalMembers: Number(m.total_members) },
    meeting: {
      id: m.id,
      title: m.title,
      kind: m.kind,
      status: m.status,
      startsAt: iso(m.starts_at),
      bodyName: m.body_name,
    },
    generatedAt: iso(new Date(nowMs)),
    agenda: agenda.map((a) => ({
      id: a.id,
      position: Number(a.position),
      title: a.title,
      conclusion: conclusions[a.id] ?? '',
    })),
    record: recordFacts(record),
    signers: { chair: signer('chair'), secretary: signer('secretary') },
    attendance: {
      totalMembers: serving.totalMembers,
      attended: attendanceMembers.filter((a) => a.attended).length,
      excused: attendanceMembers.filter((a) => a.excused).length,
      members: attendanceMembers,
    },
    speakers: {
      recorded: true,
      list: speakers.map((s) => ({
        name: s.name,
        role: s.role,
        kind: HandKind.safeParse(s.kind).data ?? null,
        startedAt: iso(s.started_at),
        endedAt: isoOrNull(s.ended_at),
      })),
    },
    motions: motions.map((r) => {
      const parsed = r.result == null ? null : MotionResult.safeParse(json(r.result));
      return {
        id: r.id,
        title: r.title,
        agendaItemId: r.agenda_item_id,
        agendaItem: r.agenda_item_id ? (agendaTitle.get(r.agenda_item_id) ?? null) : null,
        kind: r.kind,
        secret: r.secret,
        rule: r.rule,
        status: r.status,
        openedAt: isoOrNull(r.opened_at),
        closedAt: isoOrNull(r.closed_at),
        result: parsed?.success ? parsed.data : null,
      };
    }),
    petitions: petitions.map((p) => ({
      name: p.name,
      ward: p.ward,
      text: p.text,
      category: p.category,
      status: p.status,
      authority: p.authority,
      answer: p.answer,
      createdAt: iso(p.created_at),
    })),
  };
}

export interface RecordRow {
  number: string;
  place: string;
  closing: string;
  conclusions: unknown;
  finalised_at: Date | string | null;
  finalised_by: string | null;
  pdf_sha256: string | null;
  docx_sha256: string | null;
}

/** The row without its files, or undefined when the secretary has written nothing yet. */
export async function readRecordRow(
  db: Queryable,
  meetingId: string,
): Promise<RecordRow | undefined> {
  const [row] = await db.query<RecordRow>(
    `SELECT number, place, closing, conclusions, finalised_at, finalised_by, pdf_sha256, docx_sha256
       FROM minutes_records WHERE meeting_id = $1`,
    [meetingId],
  );
  return row;
}

export function recordFacts(row: RecordRow | undefined): MinutesRecordFacts {
  return {
    number: row?.number ?? '',
    place: row?.place ?? '',
    closing: row?.closing ?? '',
    finalisedAt: row?.finalised_at ? new Date(row.finalised_at).toISOString() : null,
    finalisedBy: row?.finalised_by ?? null,
    pdfSha256: row?.pdf_sha256 ?? null,
    docxSha256: row?.docx_sha256 ?? null,
  };
}
