// The petitions board (kiến nghị cử tri, issue #14): every petition of a council, filtered and
// paged in SQL so it stays fast with tens of thousands; the folded search texts (no diacritics)
// every write keeps; the public search of published petitions; and following a petition by its
// reference number, which shows where it stands but never who sent it.
import type {
  Petition,
  PetitionCategory,
  PetitionPage,
  PetitionQuery,
  PetitionStatus,
  PetitionTrack,
  PublicPetitionPage,
  PublishedPetition,
} from '../../../shared/petitions';
import { parsePetitionRef } from '../../../shared/petition-ref';
import { foldText } from '../../../shared/text/normalize';
import type { Queryable } from '../db/database';
import { notFound } from '../http/errors';

export const PUBLIC_PAGE_SIZE = 20;

/** The stored search texts of a petition, folded as shared/text folds every search. */
export function searchTexts(p: {
  ref: string;
  name: string;
  contact: string | null;
  ward: string | null;
  text: string;
  authority: string | null;
  answer: string | null;
}) {
  const join = (...parts: (string | null)[]) => foldText(parts.filter(Boolean).join(' '));
  return {
    searchPublic: join(p.ward, p.text, p.authority, p.answer),
    searchStaff: join(p.ref, p.name, p.contact, p.ward, p.text, p.authority, p.answer),
    wardKey: join(p.ward),
  };
}

/** Recomputes a petition's search texts from its row (after any change of its fields). */
export async function refreshSearch(db: Queryable, id: string): Promise<void> {
  const rows = await db.query<Parameters<typeof searchTexts>[0]>(
    'SELECT ref, name, contact, ward, text, authority, answer FROM petitions WHERE id = $1',
    [id],
  );
  if (!rows[0]) return;
  const s = searchTexts(rows[0]);
  await db.query(
    'UPDATE petitions SET search_public = $2, search_staff = $3, ward_key = $4 WHERE id = $1',
    [id, s.searchPublic, s.searchStaff, s.wardKey],
  );
}

/** `%text%` for LIKE, folded, its wildcards escaped. */
const contains = (text: string) => `%${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One LIKE pattern per folded word of a search (every word must occur), at most 8. */
function likeWords(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8).map(contains);
}

/** Start of a day in Vietnam time (UTC+7, no daylight saving). */
const dayStart = (day: string) => `${day}T00:00:00+07:00`;
const nextDayStart = (day: string) =>
  new Date(Date.parse(dayStart(day)) + 24 * 3600 * 1000).toISOString();

/** A petitions row as stored. */
export interface PetitionRow {
  id: string;
  ref: string;
  meeting_id: string;
  name: string;
  ward: string | null;
  contact: string | null;
  text: string;
  status: PetitionStatus;
  category: PetitionCategory | null;
  authority: string | null;
  answer: string | null;
  published: boolean;
  created_at: Date;
  updated_at: Date;
}

/** A petitions row with its meeting's title, as the board reads it. */
interface BoardRow extends PetitionRow {
  meeting_title: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The API's petition from its row. */
export const toPetition = (r: PetitionRow): Petition => ({
  id: r.id,
  ref: r.ref,
  meetingId: r.meeting_id,
  name: r.name,
  ward: r.ward,
  contact: r.contact,
  text: r.text,
  status: r.status,
  category: r.category,
  authority: r.authority,
  answer: r.answer,
  published: r.published,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** What the public sees of a published petition: never the voter's name or contact. */
export const toPublished = (r: PetitionRow): PublishedPetition => ({
  id: r.id,
  ref: r.ref,
  ward: r.ward,
  text: r.text,
  category: r.category,
  authority: r.authority,
  answer: r.answer ?? '',
  createdAt: iso(r.created_at),
});

export const toBoardPetition = (r: BoardRow): Petition => ({
  ...toPetition(r),
  meetingTitle: r.meeting_title,
});

/** The WHERE clause and parameters of the board's filters, for the page and the report alike. */
export function boardFilter(councilId: string, f: Omit<PetitionQuery, 'page' | 'pageSize'>) {
  const where = ['mt.council_id = $1'];
  const params: unknown[] = [councilId];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.meetingId) add((n) => `p.meeting_id = ${n}`, f.meetingId);
  if (f.status) add((n) => `p.status = ${n}`, f.status);
  if (f.category === 'none') where.push('p.category IS NULL');
  else if (f.category) add((n) => `p.category = ${n}`, f.category);
  if (f.ward?.trim()) add((n) => `p.ward_key LIKE ${n}`, contains(f.ward.trim()));
  if (f.from) add((n) => `p.created_at >= ${n}`, dayStart(f.from));
  if (f.to) add((n) => `p.created_at < ${n}`, nextDayStart(f.to));
  for (const w of likeWords(f.q)) add((n) => `p.search_staff LIKE ${n}`, w);
  return { where: where.join(' AND '), params };
}

const notFoundCouncil = () => notFound('Không tìm thấy hội đồng nhân dân này.', 'No such council.');

async function councilExists(db: Queryable, councilId: string) {
  const rows = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM councils WHERE id = $1',
    [councilId],
  );
  if (!rows[0]) throw notFoundCouncil();
  return rows[0];
}

export const BOARD_COLUMNS = `p.id, p.ref, p.meeting_id, mt.title AS meeting_title, p.name, p.ward,
  p.contact, p.text, p.status, p.category, p.authority, p.answer, p.published, p.created_at,
  p.updated_at`;

/** One page of the council's petitions board, newest first. */
export async function petitionBoard(
  db: Queryable,
  councilId: string,
  query: PetitionQuery,
): Promise<PetitionPage> {
  await councilExists(db, councilId);
  const { where, params } = boardFilter(councilId, query);
  const from = `FROM petitions p JOIN meetings mt ON mt.id = p.meeting_id WHERE ${where}`;
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total, meetings, authorities] = [
    await db.query<BoardRow>(
      `SELECT ${BOARD_COLUMNS} ${from}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${query.pageSize} OFFSET ${offset}`,
      params,
    ),
    await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
    await db.query<{ id: string; title: string; starts_at: Date }>(
      `SELECT id, title, starts_at FROM meetings WHERE council_id = $1 AND kind = 'voter'
        ORDER BY starts_at DESC LIMIT 500`,
      [councilId],
    ),
    await db.query<{ authority: string }>(
      `SELECT DISTINCT p.authority FROM petitions p JOIN meetings mt ON mt.id = p.meeting_id
        WHERE mt.council_id = $1 AND p.authority IS NOT NULL ORDER BY p.authority LIMIT 200`,
      [councilId],
    ),
  ];
  return {
    items: rows.map(toBoardPetition),
    total: Number(total[0]?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: iso(m.starts_at) })),
    authorities: authorities.map((a) => a.authority),
  };
}

/** The council's published petitions with their answers: no name, no contact. */
export async function publicPetitions(
  db: Queryable,
  councilId: string,
  query: { q?: string | undefined; page: number },
): Promise<PublicPetitionPage> {
  await councilExists(db, councilId);
  const where = ['mt.council_id = $1', 'p.published', "p.status = 'answered'"];
  const params: unknown[] = [councilId];
  for (const w of likeWords(query.q)) {
    params.push(w);
    where.push(`p.search_public LIKE $${params.length}`);
  }
  const from = `FROM petitions p JOIN meetings mt ON mt.id = p.meeting_id WHERE ${where.join(' AND ')}`;
  const rows = await db.query<BoardRow>(
    `SELECT ${BOARD_COLUMNS} ${from} ORDER BY p.created_at DESC, p.id DESC
      LIMIT ${PUBLIC_PAGE_SIZE} OFFSET ${(query.page - 1) * PUBLIC_PAGE_SIZE}`,
    params,
  );
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  return {
    items: rows.map((r) => ({ ...toPublished(r), meetingTitle: r.meeting_title })),
    total: Number(total[0]?.n ?? 0),
    page: query.page,
    pageSize: PUBLIC_PAGE_SIZE,
  };
}

/** Where a petition stands, by its reference number (as typed: any case, dashes, KN prefix). */
export async function trackPetition(db: Queryable, typed: string): Promise<PetitionTrack> {
  const none = () =>
    notFound(
      'Không tìm thấy kiến nghị có số tham chiếu này. Hãy kiểm tra lại số (dạng KN-XXXX-XXXX).',
      'No petition has this reference number. Check the number (like KN-XXXX-XXXX).',
    );
  const ref = parsePetitionRef(typed);
  if (!ref) throw none();
  const rows = await db.query<BoardRow & { meeting_starts_at: Date; council_name: string }>(
    `SELECT ${BOARD_COLUMNS}, mt.starts_at AS meeting_starts_at, c.name AS council_name
       FROM petitions p JOIN meetings mt ON mt.id = p.meeting_id JOIN councils c ON c.id = mt.council_id
      WHERE p.ref = $1`,
    [ref],
  );
  const r = rows[0];
  if (!r) throw none();
  const shown = r.published && r.status === 'answered';
  return {
    ref: r.ref,
    status: r.status,
    category: r.category,
    authority: r.authority,
    published: shown,
    text: shown ? r.text : null,
    answer: shown ? r.answer : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    meeting: {
      title: r.meeting_title,
      startsAt: iso(r.meeting_starts_at),
      councilName: r.council_name,
    },
  };
}
