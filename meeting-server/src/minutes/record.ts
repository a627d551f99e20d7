// The secretary's parts of the official minutes (minutes_records, migration 022): the number and
// symbol, the place written before the date, a conclusion per agenda item and the closing
// paragraph, edited until the minutes are finalised. Finalising (once the meeting has ended)
// renders the .pdf and .docx, stores them as issued, and records their SHA-256 in the row and in
// the audit log; from then on the row is locked (a trigger refuses any UPDATE) and the files are
// served as stored, byte for byte.
import { createHash } from 'node:crypto';
import type { MinutesRecord, SaveMinutesRecord } from '../../../shared/admin';
import { addAuditDetails } from '../audit/audit';
import type { Queryable } from '../db/database';
import { HttpError, notFound } from '../http/errors';
import { collectMinutes, json, readRecordRow, recordFacts } from './data';
import { minutesDocx } from './docx';
import { minutesPdf } from './pdf';

const minutesFinal = () =>
  new HttpError(
    409,
    'minutes_final',
    'Biên bản đã hoàn thành và khóa; không sửa được nữa. Tải tệp đã ban hành để xem.',
    'The minutes are final and locked; they cannot be changed. Download the issued file to read them.',
  );

/** The secretary's parts with the agenda items they conclude. */
export async function getRecord(db: Queryable, meetingId: string): Promise<MinutesRecord> {
  const agenda = await db.query<{ id: string; position: number; title: string }>(
    'SELECT id, position, title FROM agenda_items WHERE meeting_id = $1 ORDER BY position',
    [meetingId],
  );
  const [meeting] = await db.query('SELECT 1 FROM meetings WHERE id = $1', [meetingId]);
  if (!meeting) throw notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');
  const row = await readRecordRow(db, meetingId);
  const conclusions = json<Record<string, string>>(row?.conclusions ?? {});
  return {
    ...recordFacts(row),
    agenda: agenda.map((a) => ({
      id: a.id,
      position: Number(a.position),
      title: a.title,
      conclusion: conclusions[a.id] ?? '',
    })),
  };
}

/** Saves the secretary's parts; conclusions of items not on the agenda are left out. */
export async function saveRecord(
  db: Queryable,
  meetingId: string,
  input: SaveMinutesRecord,
  nowMs: number,
): Promise<MinutesRecord> {
  const current = await getRecord(db, meetingId);
  if (current.finalisedAt) throw minutesFinal();
  const items = new Set(current.agenda.map((a) => a.id));
  const conclusions = Object.fromEntries(
    input.conclusions
      .filter((c) => items.has(c.agendaItemId) && c.text.trim())
      .map((c) => [c.agendaItemId, c.text.trim()]),
  );
  const rows = await db.query(
    `INSERT INTO minutes_records (meeting_id, number, place, closing, conclusions, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (meeting_id) DO UPDATE SET number = $2, place = $3, closing = $4,
       conclusions = $5, updated_at = $6
     WHERE minutes_records.finalised_at IS NULL
     RETURNING meeting_id`,
    [
      meetingId,
      input.number,
      input.place,
      input.closing.trim(),
      JSON.stringify(conclusions),
      new Date(nowMs),
    ],
  );
  if (!rows.length) throw minutesFinal();
  return getRecord(db, meetingId);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Finalises the minutes: renders both files from the meeting as it is now, stores them and their
 * SHA-256, and locks the row. Only once the meeting has ended (409 otherwise), and only once.
 */
export async function finaliseRecord(
  db: Queryable,
  meetingId: string,
  by: string,
  nowMs: number,
): Promise<MinutesRecord> {
  const [meeting] = await db.query<{ status: string }>(
    'SELECT status FROM meetings WHERE id = $1',
    [meetingId],
  );
  if (!meeting) throw notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');
  if (meeting.status !== 'closed') {
    throw new HttpError(
      409,
      'meeting_not_closed',
      'Cuộc họp chưa kết thúc. Chủ tọa kết thúc cuộc họp rồi mới hoàn thành biên bản.',
      'The meeting has not ended. The chair ends the meeting before the minutes are finalised.',
    );
  }
  const row = await readRecordRow(db, meetingId);
  if (row?.finalised_at) throw minutesFinal();
  const at = new Date(nowMs);
  const minutes = await collectMinutes(db, meetingId, nowMs);
  minutes.record = { ...minutes.record, finalisedAt: at.toISOString(), finalisedBy: by };
  const pdf = await minutesPdf(minutes);
  const docx = await minutesDocx(minutes);
  const hashes = { pdfSha256: sha256(pdf), docxSha256: sha256(docx) };
  // The audit entry of this request (written with the change below) carries both hashes.
  addAuditDetails(hashes);
  const rows = await db.query(
    `INSERT INTO minutes_records (meeting_id, finalised_at, finalised_by, pdf, docx, pdf_sha256,
                                  docx_sha256, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $2)
     ON CONFLICT (meeting_id) DO UPDATE SET finalised_at = $2, finalised_by = $3, pdf = $4,
       docx = $5, pdf_sha256 = $6, docx_sha256 = $7, updated_at = $2
     WHERE minutes_records.finalised_at IS NULL
     RETURNING meeting_id`,
    [meetingId, at, by, Buffer.from(pdf), Buffer.from(docx), hashes.pdfSha256, hashes.docxSha256],
  );
  if (!rows.length) throw minutesFinal();
  return getRecord(db, meetingId);
}

/** The file as issued when the minutes were finalised, or null while they are a draft. */
export async function issuedFile(
  db: Queryable,
  meetingId: string,
  kind: 'pdf' | 'docx',
): Promise<Uint8Array | null> {
  const [row] = await db.query<{ file: Uint8Array | null }>(
    `SELECT ${kind === 'pdf' ? 'pdf' : 'docx'} AS file FROM minutes_records
      WHERE meeting_id = $1 AND finalised_at IS NOT NULL`,
    [meetingId],
  );
  return row?.file ? new Uint8Array(row.file) : null;
}
