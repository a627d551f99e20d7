// The minutes as a PDF (A4, DejaVu Sans embedded so every Vietnamese diacritic renders): the
// council's name and the meeting's date at the head, then agenda, attendance with times, speakers,
// every motion with its result and the named list for open votes, and petitions.
import { PDFDocument } from 'pdf-lib';
import type { Minutes } from '../../../shared/admin';
import { roleLabel } from '../../../shared/domain';
import { embedDejaVu } from '../pdf/fonts';
import { Writer } from '../pdf/writer';
import {
  categoryLabel,
  choiceLabel,
  eventLabel,
  kindLabel,
  officialLines,
  resultLine,
  candidateLines,
  ruleText,
  statusLabel,
  vnDate,
  vnDateTime,
} from './format';

export async function minutesPdf(m: Minutes): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedDejaVu(doc);
  doc.setTitle(`Biên bản — ${m.meeting.title}`);
  doc.setLanguage('vi-VN');
  doc.setCreator('HĐND số');
  const w = new Writer(doc, regular, bold);

  w.text(m.council.name.toUpperCase(), { bold: true, center: true, size: 12 });
  w.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 11 });
  w.text('Độc lập - Tự do - Hạnh phúc', { center: true, gap: 12 });
  w.text('BIÊN BẢN', { bold: true, center: true, size: 16 });
  w.text(m.meeting.title, { bold: true, center: true, size: 12 });
  w.text(`${kindLabel(m.meeting.kind)} — ${m.meeting.bodyName}`, { center: true });
  w.text(`Thời gian: ${vnDate(m.meeting.startsAt)} (bắt đầu ${vnDateTime(m.meeting.startsAt)})`, {
    center: true,
    gap: 12,
  });

  if (m.agenda.length) {
    w.text('I. Chương trình', { bold: true, size: 12 });
    for (const a of m.agenda) w.text(`${a.position}. ${a.title}`, { indent: 12 });
    w.y -= 8;
  }

  w.text('II. Điểm danh', { bold: true, size: 12 });
  w.text(
    `Có mặt ${m.attendance.attended}/${m.attendance.totalMembers} thành viên${m.attendance.excused ? `; vắng có lý do ${m.attendance.excused}` : ''} (Hội đồng có ${m.council.totalMembers} đại biểu).`,
    { indent: 12 },
  );
  m.attendance.members.forEach((a, i) => {
    w.text(
      `${i + 1}. ${a.name}${a.delegateGroup ? ` (${a.delegateGroup})` : ''}: ${a.attended ? 'có mặt' : a.excused ? `vắng có lý do (${a.leaveReason ?? ''})` : 'vắng mặt'}`,
      {
        indent: 12,
      },
    );
    for (const e of a.events)
      w.text(`${vnDateTime(e.at)} — ${eventLabel[e.event]}`, { indent: 28, size: 9.5 });
  });
  w.y -= 8;

  w.text('III. Phát biểu', { bold: true, size: 12 });
  if (!m.speakers.recorded) {
    w.text('Máy chủ chưa ghi lại lịch sử người phát biểu; thư ký bổ sung theo ghi chép.', {
      indent: 12,
    });
  } else if (!m.speakers.list.length) {
    w.text('Không có ý kiến phát biểu.', { indent: 12 });
  }
  m.speakers.list.forEach((s, i) =>
    w.text(
      `${i + 1}. ${s.name} (${roleLabel[s.role].vi}): ${vnDateTime(s.startedAt)} – ${vnDateTime(s.endedAt)}`,
      { indent: 12 },
    ),
  );
  w.y -= 8;

  w.text('IV. Biểu quyết', { bold: true, size: 12 });
  if (!m.motions.length) w.text('Không có nội dung biểu quyết.', { indent: 12 });
  m.motions.forEach((mo, i) => {
    w.text(`${i + 1}. ${mo.title}`, { bold: true, indent: 12 });
    if (mo.agendaItem) w.text(`Nội dung chương trình: ${mo.agendaItem}`, { indent: 28 });
    w.text(`${mo.secret ? 'Bỏ phiếu kín' : 'Biểu quyết công khai'}; ${ruleText(mo)}.`, {
      indent: 28,
    });
    if (mo.result) {
      w.text(`Kết quả (${vnDateTime(mo.closedAt)}): ${resultLine(mo.result)}`, { indent: 28 });
      for (const b of mo.result.ballots ?? [])
        w.text(`${b.name}: ${choiceLabel(b.choice)}`, { indent: 44, size: 9.5 });
      for (const o of officialLines(mo.result))
        w.text(`${o.official}: ${o.text}`, { indent: 44, size: 9.5 });
      for (const c of candidateLines(mo.result))
        w.text(`${c.candidate}: ${c.text}`, { indent: 44, size: 9.5 });
    } else {
      w.text(mo.status === 'closed' ? 'Không có kết quả.' : 'Chưa biểu quyết xong.', {
        indent: 28,
      });
    }
  });
  w.y -= 8;

  if (m.meeting.kind === 'voter' || m.petitions.length) {
    w.text('V. Kiến nghị cử tri', { bold: true, size: 12 });
    if (!m.petitions.length) w.text('Không có kiến nghị.', { indent: 12 });
    m.petitions.forEach((p, i) => {
      w.text(
        `${i + 1}. ${[p.name, p.ward].filter(Boolean).join(', ')} (${vnDateTime(p.createdAt)}): ${p.text}`,
        {
          indent: 12,
        },
      );
      const detail = [
        statusLabel(p.status),
        categoryLabel(p.category),
        p.authority ? `chuyển ${p.authority}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      w.text(detail, { indent: 28, size: 9.5 });
      if (p.answer) w.text(`Trả lời: ${p.answer}`, { indent: 28, size: 9.5 });
    });
    w.y -= 8;
  }

  w.text(`Biên bản lập lúc ${vnDateTime(m.generatedAt)}.`, { size: 9.5 });
  return doc.save();
}
