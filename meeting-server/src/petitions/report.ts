// The summary report of a voter-contact round (báo cáo tổng hợp ý kiến, kiến nghị của cử tri): the
// petitions the board's filters select, counted by status, grouped by field (lĩnh vực) and by the
// authority they were forwarded to (cơ quan có thẩm quyền), each with its reference, ward, status
// and answer, as .docx and as PDF. Reports go to agencies and are often published: no voter's
// name or contact is written in them.
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { PDFDocument } from 'pdf-lib';
import {
  PetitionCategory,
  petitionCategoryLabel,
  petitionStatusLabel,
  type Petition,
  type PetitionQuery,
  type PetitionStatus,
} from '../../../shared/petitions';
import { formatPetitionRef } from '../../../shared/petition-ref';
import type { Queryable } from '../db/database';
import { notFound } from '../http/errors';
import { partHeading, reportDocx as docxReport } from '../pdf/docx-report';
import { embedDejaVu } from '../pdf/fonts';
import { Writer } from '../pdf/writer';
import { BOARD_COLUMNS, boardFilter, toBoardPetition } from './board';

/** At most this many petitions in one report (a province's year is a few thousand). */
export const REPORT_MAX = 20_000;

export interface ReportGroup {
  title: string;
  petitions: Petition[];
}

export interface PetitionReport {
  councilName: string;
  /** What the report covers: the meeting, or the period, or every voter meeting. */
  scope: string;
  total: number;
  byStatus: Record<PetitionStatus, number>;
  published: number;
  byField: ReportGroup[];
  byAuthority: ReportGroup[];
  generatedAt: string;
}

const vnDate = (iso: string) =>
  new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const dayText = (day: string) => day.split('-').reverse().join('/');

/** Groups petitions under titles, in the order `order` gives, leaving out empty groups. */
function group(
  petitions: Petition[],
  keyOf: (p: Petition) => string,
  titleOf: (key: string) => string,
  order: (a: string, b: string) => number,
): ReportGroup[] {
  const groups = new Map<string, Petition[]>();
  for (const p of petitions) {
    const k = keyOf(p);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups.keys()]
    .sort(order)
    .map((k) => ({ title: titleOf(k), petitions: groups.get(k)! }));
}

const NONE = '';
const CATEGORY_ORDER = [...PetitionCategory.options, NONE];

/** The report's content, from the petitions the filters select (pure; tested with the routes). */
export function buildReport(
  councilName: string,
  scope: string,
  petitions: Petition[],
  nowMs: number,
): PetitionReport {
  const byStatus: Record<PetitionStatus, number> = { received: 0, forwarded: 0, answered: 0 };
  for (const p of petitions) byStatus[p.status]++;
  return {
    councilName,
    scope,
    total: petitions.length,
    byStatus,
    published: petitions.filter((p) => p.published).length,
    byField: group(
      petitions,
      (p) => p.category ?? NONE,
      (k) => (k ? petitionCategoryLabel[k as PetitionCategory].vi : 'Chưa phân loại'),
      (a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b),
    ),
    byAuthority: group(
      petitions,
      (p) => p.authority ?? NONE,
      (k) => k || 'Chưa chuyển cơ quan có thẩm quyền',
      (a, b) => (a === NONE ? 1 : b === NONE ? -1 : a.localeCompare(b, 'vi')),
    ),
    generatedAt: new Date(nowMs).toISOString(),
  };
}

/** Loads the filtered petitions of a council (oldest first) and builds the report. */
export async function petitionReport(
  db: Queryable,
  councilId: string,
  filters: PetitionQuery,
  nowMs: number,
): Promise<PetitionReport> {
  const councils = await db.query<{ name: string }>('SELECT name FROM councils WHERE id = $1', [
    councilId,
  ]);
  if (!councils[0]) throw notFound('Không tìm thấy hội đồng nhân dân này.', 'No such council.');
  const { where, params } = boardFilter(councilId, filters);
  const rows = await db.query<Parameters<typeof toBoardPetition>[0]>(
    `SELECT ${BOARD_COLUMNS} FROM petitions p JOIN meetings mt ON mt.id = p.meeting_id
      WHERE ${where} ORDER BY p.created_at, p.id LIMIT ${REPORT_MAX}`,
    params,
  );
  let scope = 'Các buổi tiếp xúc cử tri';
  if (filters.meetingId) {
    const m = await db.query<{ title: string; starts_at: Date }>(
      'SELECT title, starts_at FROM meetings WHERE id = $1 AND council_id = $2',
      [filters.meetingId, councilId],
    );
    if (m[0]) scope = `${m[0].title} (${vnDate(new Date(m[0].starts_at).toISOString())})`;
  }
  if (filters.from || filters.to) {
    scope += `, kiến nghị gửi${filters.from ? ` từ ngày ${dayText(filters.from)}` : ''}${
      filters.to ? ` đến ngày ${dayText(filters.to)}` : ''
    }`;
  }
  return buildReport(councils[0].name, scope, rows.map(toBoardPetition), nowMs);
}

/** One petition's lines: reference, ward and date, the text, then status, authority and answer. */
function petitionLines(p: Petition, i: number, withField: boolean) {
  const head = `${i + 1}. ${formatPetitionRef(p.ref)}${p.ward ? ` — ${p.ward}` : ''} (${vnDate(p.createdAt)})`;
  const status = [
    `Trạng thái: ${petitionStatusLabel[p.status].vi}${p.published ? ', đã công khai' : ''}`,
    withField
      ? `lĩnh vực: ${p.category ? petitionCategoryLabel[p.category].vi : 'chưa phân loại'}`
      : p.authority
        ? `cơ quan: ${p.authority}`
        : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { head, text: p.text, status, answer: p.answer ? `Trả lời: ${p.answer}` : null };
}

const summaryLines = (r: PetitionReport) => [
  `Tổng số ý kiến, kiến nghị của cử tri: ${r.total}.`,
  `Đã tiếp nhận, chưa chuyển: ${r.byStatus.received}; đã chuyển cơ quan có thẩm quyền, chờ trả lời: ${r.byStatus.forwarded}; đã trả lời: ${r.byStatus.answered} (đã công khai ${r.published}).`,
];

const TITLE = 'BÁO CÁO TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI';

export async function reportDocx(r: PetitionReport): Promise<Uint8Array> {
  const sections = (groups: ReportGroup[], withField: boolean) =>
    groups.flatMap((g, gi) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_3,
        children: [
          new TextRun({ text: `${gi + 1}. ${g.title} (${g.petitions.length})`, bold: true }),
        ],
      }),
      ...g.petitions.flatMap((p, i) => {
        const l = petitionLines(p, i, withField);
        return [
          new Paragraph({ children: [new TextRun({ text: l.head, bold: true })] }),
          new Paragraph(l.text),
          new Paragraph({ children: [new TextRun({ text: l.status, italics: true })] }),
          ...(l.answer ? [new Paragraph(l.answer)] : []),
        ];
      }),
    ]);
  return docxReport({
    councilName: r.councilName,
    title: TITLE,
    scope: r.scope,
    madeAtMs: Date.parse(r.generatedAt),
    body: [
      partHeading('I. Tình hình chung'),
      ...summaryLines(r).map((l) => new Paragraph(l)),
      partHeading('II. Theo lĩnh vực'),
      ...sections(r.byField, false),
      partHeading('III. Theo cơ quan có thẩm quyền'),
      ...sections(r.byAuthority, true),
    ],
  });
}

export async function reportPdf(r: PetitionReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedDejaVu(doc);
  doc.setTitle(`${TITLE} — ${r.councilName}`);
  doc.setLanguage('vi-VN');
  doc.setCreator('HĐND số');
  const w = new Writer(doc, regular, bold);
  w.text(r.councilName.toUpperCase(), { bold: true, center: true, size: 12 });
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 11 });
  w.text('Độc lập - Tự do - Hạnh phúc', { center: true, gap: 12 });
  w.text(TITLE, { bold: true, center: true, size: 13 });
  w.text(r.scope, { center: true, gap: 12 });
  w.text('I. Tình hình chung', { bold: true, size: 12 });
  for (const l of summaryLines(r)) w.text(l, { indent: 12 });
  w.y -= 8;
  const sections = (heading: string, groups: ReportGroup[], withField: boolean) => {
    w.text(heading, { bold: true, size: 12 });
    if (!groups.length) w.text('Không có kiến nghị.', { indent: 12 });
    groups.forEach((g, gi) => {
      w.text(`${gi + 1}. ${g.title} (${g.petitions.length})`, { bold: true, indent: 12 });
      g.petitions.forEach((p, i) => {
        const l = petitionLines(p, i, withField);
        w.text(l.head, { bold: true, indent: 24, size: 10 });
        w.text(l.text, { indent: 36, size: 10 });
        w.text(l.status, { indent: 36, size: 9.5 });
        if (l.answer) w.text(l.answer, { indent: 36, size: 9.5 });
      });
    });
    w.y -= 8;
  };
  sections('II. Theo lĩnh vực', r.byField, false);
  sections('III. Theo cơ quan có thẩm quyền', r.byAuthority, true);
  w.text(
    `Báo cáo lập lúc ${new Date(r.generatedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`,
    { size: 9.5 },
  );
  return doc.save();
}
