// The participation report for the standing committee (báo cáo kết quả theo dõi việc tham gia của
// đại biểu) as .docx: the council and the period, how many delegates and sittings, then each
// delegate with the same sentences the delegate reads of their own record (participationLines).
import { Paragraph, TextRun } from 'docx';
import { participationLines, type ParticipationTable } from '../../../shared/participation';
import { partHeading, reportDocx } from '../pdf/docx-report';

const TITLE = 'BÁO CÁO KẾT QUẢ THEO DÕI VIỆC THAM GIA CỦA ĐẠI BIỂU';
const dayText = (day: string) => day.split('-').reverse().join('/');

/** What the report covers, in words. */
export function periodText(t: Pick<ParticipationTable, 'from' | 'to'>): string {
  if (!t.from && !t.to) return 'Từ đầu nhiệm kỳ đến nay';
  return [
    t.from ? `Từ ngày ${dayText(t.from)}` : 'Từ đầu nhiệm kỳ',
    t.to ? `đến ngày ${dayText(t.to)}` : 'đến nay',
  ].join(' ');
}

export async function participationDocx(t: ParticipationTable, nowMs: number): Promise<Uint8Array> {
  const called = t.rows.reduce((n, r) => n + r.sittings.called, 0);
  const attended = t.rows.reduce((n, r) => n + r.sittings.hall + r.sittings.online, 0);
  const excused = t.rows.reduce((n, r) => n + r.sittings.excused, 0);
  return reportDocx({
    councilName: t.councilName,
    title: TITLE,
    scope: periodText(t),
    madeAtMs: nowMs,
    body: [
      partHeading('I. Tình hình chung'),
      new Paragraph(
        `Số đại biểu: ${t.rows.length}. Lượt đại biểu được triệu tập dự họp: ${called}; có mặt (tại hội trường hoặc trực tuyến): ${attended}; vắng có lý do: ${excused}; vắng: ${called - attended - excused}.`,
      ),
      new Paragraph(
        'Số liệu tính từ điểm danh, đăng ký phát biểu, biểu quyết và tiếp xúc cử tri đã được ghi nhận. Bỏ phiếu kín chỉ ghi việc tham gia, không ghi lựa chọn.',
      ),
      partHeading('II. Từng đại biểu'),
      ...t.rows.flatMap((r, i) => [
        new Paragraph({
          children: [
            new TextRun({
              text: `${i + 1}. ${r.name}${r.delegateGroup ? ` (${r.delegateGroup})` : ''}${
                r.committees.length ? ` — ${r.committees.join(', ')}` : ''
              }`,
              bold: true,
            }),
          ],
        }),
        ...participationLines(r).map((l) => new Paragraph(l.vi)),
      ]),
    ],
  });
}
