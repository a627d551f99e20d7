// The official minutes (biên bản) as one document model, in the administrative format of Decree
// 30/2020/NĐ-CP: the issuing body and the national title and motto side by side, the number and
// symbol, place and date, the document's name and summary, numbered headings, the secretary's
// conclusion of each agenda item, and the signature blocks of the secretary and the chair. Pure:
// the PDF (pdf.ts) and the .docx (docx.ts) both render this, so their text is the same.
import type { Minutes } from '../../../shared/admin';
import { roleLabel } from '../../../shared/domain';
import {
  candidateLines,
  categoryLabel,
  choiceLabel,
  eventLabel,
  kindLabel,
  officialLines,
  resultLine,
  ruleText,
  speechKindLabel,
  statusLabel,
  vnDate,
  vnDateTime,
} from './format';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A paragraph of the body: a heading (bold), a line, or a detail (smaller, further in). */
export interface Block {
  text: string;
  style: 'heading' | 'subheading' | 'text' | 'detail';
  /** 0 at the margin; 1 and 2 further in. */
  level: 0 | 1 | 2;
}

export interface Signer {
  /** "THƯ KÝ", "CHỦ TỌA" */
  title: string;
  name: string | null;
}

export interface OfficialMinutes {
  /** The issuing body, upper case (left column). */
  issuer: string;
  /** "Số: 12/BB-HĐND", or with the number left blank to be written in. */
  numberLine: string;
  /** "Yên Thịnh, ngày 01 tháng 12 năm 2026" (right column, italic): the place is the record's. */
  placeDate: string;
  /** The document's name and its summary (trích yếu). */
  title: string;
  summary: string[];
  body: Block[];
  /** Left: the secretary; right: the chair. */
  signers: [Signer, Signer];
  /** The last line: when drawn up, and whether final. */
  footer: string;
  /** For the file's properties. */
  documentTitle: string;
}

const SYMBOL = 'BB-HĐND';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

export function officialMinutes(m: Minutes): OfficialMinutes {
  const body: Block[] = [];
  let section = 0;
  const heading = (text: string) =>
    body.push({ text: `${ROMAN[section++]}. ${text.toUpperCase()}`, style: 'heading', level: 0 });
  const add = (text: string, level: Block['level'] = 1, style: Block['style'] = 'text') =>
    body.push({ text, style, level });

  heading('Thời gian, địa điểm và thành phần');
  add(`Thời gian: bắt đầu lúc ${vnDateTime(m.meeting.startsAt)}.`);
  add(
    `Hình thức: ${kindLabel(m.meeting.kind)} của ${m.meeting.bodyName}, tại hội trường và trực tuyến.`,
  );
  add(
    `Thành phần: có mặt ${m.attendance.attended} trên tổng số ${m.attendance.totalMembers} thành viên` +
      `${m.attendance.excused ? `; vắng có lý do ${m.attendance.excused}` : ''}` +
      ` (Hội đồng có ${m.council.totalMembers} đại biểu).`,
  );
  add(`Chủ tọa: ${m.signers.chair ?? '…'}. Thư ký: ${m.signers.secretary ?? '…'}.`);
  m.attendance.members.forEach((a, i) => {
    const status = a.attended
      ? 'có mặt'
      : a.excused
        ? `vắng có lý do (${a.leaveReason ?? ''})`
        : 'vắng mặt';
    add(`${i + 1}. ${a.name}${a.delegateGroup ? ` (${a.delegateGroup})` : ''}: ${status}`, 1);
    for (const e of a.events) add(`${vnDateTime(e.at)} — ${eventLabel[e.event]}`, 2, 'detail');
  });

  heading('Nội dung và kết quả');
  const motionsOf = (id: string | null) => m.motions.filter((mo) => mo.agendaItemId === id);
  const writeMotions = (list: Minutes['motions']) =>
    list.forEach((mo) => {
      add(`Biểu quyết: ${mo.title}`, 1, 'subheading');
      add(`${mo.secret ? 'Bỏ phiếu kín' : 'Biểu quyết công khai'}; ${ruleText(mo)}.`, 2);
      if (!mo.result) {
        add(mo.status === 'closed' ? 'Không có kết quả.' : 'Chưa biểu quyết xong.', 2);
        return;
      }
      add(`Kết quả (${vnDateTime(mo.closedAt)}): ${resultLine(mo.result)}`, 2);
      for (const b of mo.result.ballots ?? [])
        add(`${b.name}: ${choiceLabel(b.choice)}`, 2, 'detail');
      for (const o of officialLines(mo.result)) add(`${o.official}: ${o.text}`, 2, 'detail');
      for (const c of candidateLines(mo.result)) add(`${c.candidate}: ${c.text}`, 2, 'detail');
    });
  if (!m.agenda.length && !m.motions.length) add('Không có nội dung.');
  for (const a of m.agenda) {
    add(`${a.position}. ${a.title}`, 0, 'subheading');
    writeMotions(motionsOf(a.id));
    add(`Kết luận: ${a.conclusion || '(thư ký ghi kết luận)'}`, 1);
  }
  const unplaced = motionsOf(null);
  if (unplaced.length) {
    add('Nội dung biểu quyết khác', 0, 'subheading');
    writeMotions(unplaced);
  }

  heading('Ý kiến phát biểu');
  if (!m.speakers.recorded) {
    add('Máy chủ chưa ghi lại lịch sử người phát biểu; thư ký bổ sung theo ghi chép.');
  } else if (!m.speakers.list.length) {
    add('Không có ý kiến phát biểu.');
  }
  m.speakers.list.forEach((s, i) =>
    add(
      `${i + 1}. ${s.name} (${roleLabel[s.role].vi}) — ${speechKindLabel(s.kind)}: ` +
        `${vnDateTime(s.startedAt)} – ${vnDateTime(s.endedAt)}`,
    ),
  );

  if (m.meeting.kind === 'voter' || m.petitions.length) {
    heading('Kiến nghị cử tri');
    if (!m.petitions.length) add('Không có kiến nghị.');
    m.petitions.forEach((p, i) => {
      add(
        `${i + 1}. ${[p.name, p.ward].filter(Boolean).join(', ')} (${vnDateTime(p.createdAt)}): ${p.text}`,
      );
      const detail = [
        statusLabel(p.status),
        categoryLabel(p.category),
        p.authority ? `chuyển ${p.authority}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      if (detail) add(detail, 2, 'detail');
      if (p.answer) add(`Trả lời: ${p.answer}`, 2, 'detail');
    });
  }

  if (m.record.closing) add(m.record.closing, 0);

  const final = m.record.finalisedAt;
  return {
    issuer: m.council.name.toUpperCase(),
    numberLine: `Số: ${m.record.number || `      /${SYMBOL}`}`,
    placeDate: `${m.record.place ? `${m.record.place}, ` : ''}${vnDate(final ?? m.meeting.startsAt)}`,
    title: 'BIÊN BẢN',
    summary: [m.meeting.title, `${kindLabel(m.meeting.kind)} — ${m.meeting.bodyName}`],
    body,
    signers: [
      { title: 'THƯ KÝ', name: m.signers.secretary },
      { title: 'CHỦ TỌA', name: m.signers.chair },
    ],
    footer: final
      ? `Biên bản hoàn thành lúc ${vnDateTime(final)}.`
      : `Bản dự thảo, lập lúc ${vnDateTime(m.generatedAt)}; chưa hoàn thành.`,
    documentTitle: `Biên bản — ${m.meeting.title}`,
  };
}
