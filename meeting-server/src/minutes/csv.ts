// The minutes as one CSV table (UTF-8 with BOM so spreadsheet programs read Vietnamese): one row
// per attendance event, speech (with its kind), vote result, named ballot, official rated (their
// own figures, never a pass/fail), candidate, the secretary's conclusion of each item and petition. Cells that a spreadsheet would run
// as a formula (starting with = + - @) are prefixed with ' so user text cannot become one.
import type { Minutes } from '../../../shared/admin';
import { roleLabel } from '../../../shared/domain';
import {
  candidateLines,
  categoryLabel,
  choiceLabel,
  eventLabel,
  officialLines,
  resultLine,
  ruleText,
  speechKindLabel,
  statusLabel,
  vnDateTime,
} from './format';

export const CSV_HEADER = ['Mục', 'STT', 'Họ và tên / Nội dung', 'Chi tiết', 'Thời gian'];

export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV table as a spreadsheet program opens it: UTF-8 BOM, CRLF rows, cells as {@link csvCell}. */
export function csvTable(rows: (string | number)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function minutesCsv(m: Minutes): string {
  const rows: (string | number)[][] = [CSV_HEADER];
  rows.push([
    'Cuộc họp',
    '',
    `${m.council.name} — ${m.meeting.title}`,
    m.meeting.bodyName,
    vnDateTime(m.meeting.startsAt),
  ]);
  m.attendance.members.forEach((a, i) => {
    if (!a.events.length)
      rows.push([
        'Điểm danh',
        i + 1,
        a.name,
        a.excused ? `Vắng có lý do: ${a.leaveReason ?? ''}` : 'Vắng mặt',
        '',
      ]);
    for (const e of a.events)
      rows.push(['Điểm danh', i + 1, a.name, eventLabel[e.event], vnDateTime(e.at)]);
  });
  m.speakers.list.forEach((s, i) =>
    rows.push([
      'Phát biểu',
      i + 1,
      s.name,
      `${speechKindLabel(s.kind)}; ${roleLabel[s.role].vi}; kết thúc ${vnDateTime(s.endedAt)}`,
      vnDateTime(s.startedAt),
    ]),
  );
  m.motions.forEach((mo, i) => {
    const detail = mo.result
      ? resultLine(mo.result)
      : mo.status === 'closed'
        ? 'Không có kết quả'
        : 'Chưa biểu quyết xong';
    rows.push([
      'Biểu quyết',
      i + 1,
      mo.title,
      `${mo.secret ? 'Bỏ phiếu kín' : 'Biểu quyết công khai'}; ${ruleText(mo)}; ${detail}`,
      vnDateTime(mo.closedAt),
    ]);
    for (const b of mo.result?.ballots ?? []) {
      rows.push(['Phiếu biểu quyết', i + 1, b.name, choiceLabel(b.choice), '']);
    }
    for (const o of mo.result ? officialLines(mo.result) : []) {
      rows.push(['Kết quả theo người được lấy phiếu', i + 1, o.official, o.text, '']);
    }
    for (const c of mo.result ? candidateLines(mo.result) : []) {
      rows.push(['Kết quả theo người ứng cử', i + 1, c.candidate, c.text, '']);
    }
  });
  for (const a of m.agenda) {
    if (a.conclusion) rows.push(['Kết luận', a.position, a.title, a.conclusion, '']);
  }
  m.petitions.forEach((p, i) => {
    const who = [p.name, p.ward].filter(Boolean).join(', ');
    const detail = [
      statusLabel(p.status),
      categoryLabel(p.category),
      p.authority ? `Chuyển: ${p.authority}` : '',
      p.answer ? `Trả lời: ${p.answer}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push(['Kiến nghị', i + 1, `${who}: ${p.text}`, detail, vnDateTime(p.createdAt)]);
  });
  return csvTable(rows);
}
