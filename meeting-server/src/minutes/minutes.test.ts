// Minutes of a real meeting, on PGlite and PostgreSQL: attendance checked in through the
// in-meeting API, an open vote cast and closed, a voter's petition; the JSON, the CSV and the PDF
// (its text read back with pdf.js) carry the council's name, the date, names with Vietnamese
// diacritics, the named ballots and the result. Only the chair, the secretary and staff get them.
import { createHash, randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { pdfText } from '../pdf/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditList, Minutes, MinutesRecord } from '../../../shared/admin';
import { MeetingState, Motion } from '../../../shared/meeting';
import { bearer, ok, useStaffFixture } from '../admin/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { ADMIN, signIn } from '../staff/testing';
import { csvCell } from './csv';
import { candidateLines, resultLine } from './format';
import { dismissalResult, electionResult } from '../../../shared/vote-rules';

/** Text both the PDF and the .docx of the sitting's official minutes carry. */
const OFFICIAL_TEXT = [
  'HĐND XÃ YÊN THỊNH',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số:',
  '/BB-HĐND',
  'BIÊN BẢN',
  'Kỳ họp thứ hai',
  'ngày 01 tháng 12 năm 2026',
  'I. THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN',
  'có mặt 2 trên tổng số 3 thành viên',
  'Nguyễn Văn An',
  'Trần Thị Bình: Không tán thành',
  'Nguyễn Văn An: Tán thành',
  'Lê Văn Cường: Không tham gia biểu quyết',
  'Thông qua Nghị quyết về dự toán ngân sách xã năm 2027',
  'Tán thành 1 (33,3 %)',
  'Cần ít nhất 2 phiếu tán thành (quá nửa tổng số đại biểu: tổng số 3 đại biểu) — KHÔNG THÔNG QUA',
  'Tổng số đại biểu 3; có mặt khi kết thúc 2; đủ số đại biểu cần có mặt (ít nhất 2 đại biểu).',
  'Chủ tịch UBND xã: Tín nhiệm cao 0 (0 %), tín nhiệm 0 (0 %), tín nhiệm thấp 2 (66,7 %)',
  'đưa ra bỏ phiếu tín nhiệm',
  'Bầu Phó Chủ tịch HĐND xã',
  'Số phiếu thu vào 2; hợp lệ 1 (phiếu trắng 0); không hợp lệ 1.',
  'Phạm Văn Dũng: Được 1 (33,3 %) phiếu — không trúng cử',
  'Hoàng Thị Em: Được 0 (0 %) phiếu — không trúng cử',
  'Có mặt tại hội trường',
  '1. Trần Thị Bình (Đại biểu) — Phát biểu:',
  'THƯ KÝ',
  'CHỦ TỌA',
  '(Ký, ghi rõ họ tên)',
];

describe.each(DATABASE_KINDS)('minutes on %s', (kind) => {
  const t = useStaffFixture(kind);

  // Opening PGlite and seeding can take long on a busy 2-core machine.
  beforeAll(async () => {
    const { server, fx } = t;
    const m = `/api/meetings/${fx.sitting.id}`;
    const secretary = bearer(server.url, fx.sessions.secretary);
    const chair = bearer(server.url, fx.sessions.chair);
    const member = bearer(server.url, fx.sessions.member);
    for (const memberId of [fx.members[0]!.id, fx.members[1]!.id]) {
      await ok(await secretary('POST', `${m}/attendance/check-in`, { memberId, present: true }), {
        parse: (v: unknown) => v,
      });
    }
    const motion = await ok(
      await chair('POST', `${m}/motions`, {
        agendaItemId: fx.sitting.agenda[1]!.id,
        title: 'Thông qua Nghị quyết về dự toán ngân sách xã năm 2027',
      }),
      Motion,
    );
    await ok(await chair('POST', `${m}/motions/${motion.id}/open`), { parse: (v: unknown) => v });
    await ok(
      await chair('POST', `${m}/motions/${motion.id}/ballots`, {
        choice: 'for',
        idempotencyKey: 'chair-ballot-1',
      }),
      { parse: (v: unknown) => v },
    );
    await ok(
      await member('POST', `${m}/motions/${motion.id}/ballots`, {
        choice: 'against',
        idempotencyKey: 'member-ballot-1',
      }),
      { parse: (v: unknown) => v },
    );
    await ok(await chair('POST', `${m}/motions/${motion.id}/close`), { parse: (v: unknown) => v });
    // A confidence rating of two officials: per-official counts and % of all, no verdict.
    const rating = await ok(
      await chair('POST', `${m}/motions`, {
        agendaItemId: null,
        title: 'Lấy phiếu tín nhiệm',
        kind: 'confidence',
        officials: ['Chủ tịch UBND xã', 'Phó Chủ tịch HĐND xã'],
      }),
      Motion,
    );
    await ok(await chair('POST', `${m}/motions/${rating.id}/open`), { parse: (v: unknown) => v });
    for (const who of [chair, member]) {
      await ok(
        await who('POST', `${m}/motions/${rating.id}/ballots`, {
          confidence: { 'Chủ tịch UBND xã': 'low', 'Phó Chủ tịch HĐND xã': 'high' },
          idempotencyKey: `rating-${randomUUID()}`,
        }),
        { parse: (v: unknown) => v },
      );
    }
    await ok(await chair('POST', `${m}/motions/${rating.id}/close`), { parse: (v: unknown) => v });
    // An election of a vice-chair from two candidates: per-candidate votes and who is elected.
    const election = await ok(
      await chair('POST', `${m}/motions`, {
        agendaItemId: null,
        title: 'Bầu Phó Chủ tịch HĐND xã',
        kind: 'election',
        officials: ['Phạm Văn Dũng', 'Hoàng Thị Em'],
        posts: 1,
      }),
      Motion,
    );
    await ok(await chair('POST', `${m}/motions/${election.id}/open`), { parse: (v: unknown) => v });
    for (const [who, keep] of [
      [chair, ['Phạm Văn Dũng']],
      [member, ['Phạm Văn Dũng', 'Hoàng Thị Em']],
    ] as const) {
      await ok(
        await who('POST', `${m}/motions/${election.id}/ballots`, {
          keep,
          idempotencyKey: `election-${randomUUID()}`,
        }),
        { parse: (v: unknown) => v },
      );
    }
    await ok(await chair('POST', `${m}/motions/${election.id}/close`), {
      parse: (v: unknown) => v,
    });
    // Trần Thị Bình asks to speak, the chair gives her the floor, then ends it.
    const raised = await ok(await member('POST', `${m}/hand`, { kind: 'speak' }), MeetingState);
    await ok(await chair('POST', `${m}/floor`, { entryId: raised.queue[0]!.id }), MeetingState);
    await ok(await chair('DELETE', `${m}/floor`), MeetingState);
  }, 120_000);

  const get = (ext: string, token?: string) =>
    token
      ? bearer(t.server.url, token)('GET', `/api/meetings/${t.fx.sitting.id}/minutes.${ext}`)
      : t.staff.request('GET', `/api/meetings/${t.fx.sitting.id}/minutes.${ext}`);

  it('records attendance with times, the vote with its named list, in JSON', async () => {
    const minutes = await ok(await get('json'), Minutes);
    expect(minutes.council.name).toBe('HĐND xã Yên Thịnh');
    const byName = new Map(minutes.attendance.members.map((a) => [a.name, a]));
    expect(byName.get('Nguyễn Văn An')!.attended).toBe(true);
    expect(byName.get('Nguyễn Văn An')!.events[0]!.event).toBe('checked_in');
    expect(byName.get('Lê Văn Cường')!.attended).toBe(false);
    expect(minutes.attendance.attended).toBe(2);
    const [motion] = minutes.motions;
    expect(motion!.agendaItem).toBe('Thảo luận');
    expect(motion!.result!.counts).toMatchObject({ for: 1, against: 1, notVoted: 1 });
    expect(motion!.result!.passed).toBe(false);
    expect(minutes.speakers.list).toHaveLength(1);
    expect(minutes.speakers.list[0]).toMatchObject({ name: 'Trần Thị Bình', role: 'member' });
    const { startedAt, endedAt } = minutes.speakers.list[0]!;
    expect(Date.parse(endedAt!)).toBeGreaterThanOrEqual(Date.parse(startedAt));
    expect(motion!.result!.ballots!.map((b) => [b.name, b.choice]).sort()).toEqual([
      ['Lê Văn Cường', null],
      ['Nguyễn Văn An', 'for'],
      ['Trần Thị Bình', 'against'],
    ]);
  });

  it('writes a Vietnamese PDF whose text reads back with every diacritic', async () => {
    const res = await get('pdf', t.fx.sessions.chair);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const s of OFFICIAL_TEXT) expect(text, s).toContain(s);
    // "2/3" reads as two thirds: counts are written "2 trên tổng số 3".
    expect(text).not.toMatch(/\b2\/3\b/);
    expect(text).not.toContain('Không bỏ phiếu');
  });

  it('writes the same official minutes as a .docx, with a page number in the header', async () => {
    const res = await get('docx', t.fx.sessions.secretary);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const words = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, '');
    for (const s of OFFICIAL_TEXT) expect(words, s).toContain(s);
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers.some((f) => strFromU8(files[f]!).includes('PAGE'))).toBe(true);
  });

  it('writes a CSV with a BOM, the named ballots and the result', async () => {
    const res = await get('csv', t.fx.sessions.secretary);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Mục,STT,Họ và tên / Nội dung,Chi tiết,Thời gian');
    expect(lines).toContain('Phiếu biểu quyết,1,Trần Thị Bình,Không tán thành,');
    expect(
      lines.some(
        (l) => l.startsWith('Điểm danh,') && l.includes('Nguyễn Văn An,Có mặt tại hội trường,'),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('Biểu quyết,1,') && l.includes('KHÔNG THÔNG QUA'))).toBe(
      true,
    );
    // The confidence rating: its real per-official results, and no pass/fail verdict.
    const rating = lines.find((l) => l.startsWith('Biểu quyết,2,'))!;
    expect(rating).toContain('có mặt khi kết thúc 2');
    expect(rating).not.toContain('THÔNG QUA');
    expect(lines).toContain(
      'Kết quả theo người được lấy phiếu,2,Phó Chủ tịch HĐND xã,"Tín nhiệm cao 2 (66,7 %), tín nhiệm 0 (0 %), tín nhiệm thấp 0 (0 %)",',
    );
    // The election: ballots (one spoiled: it kept both for one post) and per-candidate figures.
    const election = lines.find((l) => l.startsWith('Biểu quyết,3,'))!;
    expect(election).toContain('hợp lệ 1 (phiếu trắng 0); không hợp lệ 1');
    expect(lines).toContain(
      'Kết quả theo người ứng cử,3,Phạm Văn Dũng,"Được 1 (33,3 %) phiếu — không trúng cử",',
    );
    expect(lines).toContain(
      'Kết quả theo người ứng cử,3,Hoàng Thị Em,Được 0 (0 %) phiếu — không trúng cử,',
    );
  });

  it('refuses the minutes to delegates, voters, other meetings and anonymous callers', async () => {
    expect((await get('json', t.fx.sessions.member)).status).toBe(403);
    expect((await get('pdf', t.fx.sessions.voterChair)).status).toBe(403);
    expect((await get('csv', t.fx.sessions.voter)).status).toBe(403);
    expect(
      (await fetch(`${t.server.url}/api/meetings/${t.fx.sitting.id}/minutes.json`)).status,
    ).toBe(401);
    expect((await get('json', 'forged.token-value-xx')).status).toBe(401);
  });

  it('lists a voter meeting’s petitions in its minutes', async () => {
    const voter = bearer(t.server.url, t.fx.sessions.voter);
    await voter('POST', `/api/meetings/${t.fx.voterMeeting.id}/petitions`, {
      name: 'Đặng Thị Hoa',
      ward: 'Thôn Đông',
      text: 'Đề nghị lắp thêm đèn chiếu sáng ở đường làng.',
    });
    const res = await bearer(t.server.url, t.fx.sessions.voterChair)(
      'GET',
      `/api/meetings/${t.fx.voterMeeting.id}/minutes.pdf`,
    );
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('KIẾN NGHỊ CỬ TRI');
    expect(text).toContain('Đặng Thị Hoa, Thôn Đông');
    expect(text).toContain('Đề nghị lắp thêm đèn chiếu sáng ở đường làng.');
  });
  // Last: it ends the sitting and locks its minutes.
  it('the secretary writes the conclusions; finalising locks them and records the SHA-256', async () => {
    const m = `/api/meetings/${t.fx.sitting.id}`;
    const secretary = bearer(t.server.url, t.fx.sessions.secretary);
    const item = t.fx.sitting.agenda[1]!;
    const draft = {
      number: '05/BB-HĐND',
      place: 'Yên Thịnh',
      closing: 'Phiên họp kết thúc lúc 11 giờ 30 cùng ngày.',
      conclusions: [{ agendaItemId: item.id, text: 'HĐND xã đề nghị UBND xã hoàn chỉnh dự toán.' }],
    };
    expect(
      (await bearer(t.server.url, t.fx.sessions.chair)('PUT', `${m}/minutes/record`, draft)).status,
    ).toBe(403);
    const saved = await ok(await secretary('PUT', `${m}/minutes/record`, draft), MinutesRecord);
    expect(saved.agenda.find((a) => a.id === item.id)!.conclusion).toBe(draft.conclusions[0]!.text);
    const text = await pdfText(
      new Uint8Array(await (await get('pdf', t.fx.sessions.chair)).arrayBuffer()),
    );
    for (const s of [
      'Số: 05/BB-HĐND',
      'Yên Thịnh, ngày',
      'Kết luận: HĐND xã đề nghị UBND xã hoàn chỉnh dự toán.',
      'Phiên họp kết thúc lúc 11 giờ 30 cùng ngày.',
      'Bản dự thảo',
    ]) {
      expect(text, s).toContain(s);
    }

    // Only once the meeting has ended.
    const early = await t.staff.request('POST', `${m}/minutes/finalise`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { code: string }).code).toBe('meeting_not_closed');
    await ok(
      await bearer(t.server.url, t.fx.sessions.chair)('POST', `${m}/status`, { status: 'closed' }),
      MeetingState,
    );
    const final = await ok(await t.staff.request('POST', `${m}/minutes/finalise`), MinutesRecord);
    expect(final.finalisedAt).not.toBeNull();
    expect(final.pdfSha256).toMatch(/^[0-9a-f]{64}$/);

    // The issued files, byte for byte, twice; nothing changes any more.
    const sha = async (ext: string) =>
      createHash('sha256')
        .update(new Uint8Array(await (await get(ext)).arrayBuffer()))
        .digest('hex');
    expect(await sha('pdf')).toBe(final.pdfSha256);
    expect(await sha('pdf')).toBe(final.pdfSha256);
    expect(await sha('docx')).toBe(final.docxSha256);
    const locked = await secretary('PUT', `${m}/minutes/record`, draft);
    expect(locked.status).toBe(409);
    expect(((await locked.json()) as { code: string }).code).toBe('minutes_final');
    expect((await t.staff.request('POST', `${m}/minutes/finalise`)).status).toBe(409);
    const issued = await pdfText(new Uint8Array(await (await get('pdf')).arrayBuffer()));
    expect(issued).toContain('Biên bản hoàn thành lúc');

    // The audit log's entry of the finalisation carries both hashes.
    const admin = await signIn(t.server.url, ADMIN);
    const log = await ok(
      await admin.request('GET', `/api/admin/audit?meetingId=${t.fx.sitting.id}`),
      AuditList,
    );
    const entry = log.find((e) => e.action === 'POST /api/meetings/:meetingId/minutes/finalise');
    expect(entry?.details).toMatchObject({
      pdfSha256: final.pdfSha256,
      docxSha256: final.docxSha256,
    });
  });
});

describe('CSV cells', () => {
  it('defuses text a spreadsheet would run as a formula, and quotes separators', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('Thôn Đông, xã A')).toBe('"Thôn Đông, xã A"');
  });
});

describe('result lines of the minutes', () => {
  const facts = { total: 30, present: 30, eligible: 30, quorum: 'two_thirds_of_all' as const };
  it('name whom a dismissal removes, and its rule and verdict', () => {
    const line = resultLine(
      dismissalResult({
        ...facts,
        rule: 'two_thirds_of_all',
        tally: { for: 19, against: 11, abstain: 0 },
        person: 'Đỗ Văn Miễn',
        target: 'delegate',
      }),
    );
    expect(line).toMatch(/^Bãi nhiệm đại biểu: Đỗ Văn Miễn\. Tán thành 19 \(63,3 %\)/);
    expect(line).toContain('Cần ít nhất 20 phiếu tán thành (ít nhất hai phần ba tổng số đại biểu');
    expect(line).toMatch(/KHÔNG THÔNG QUA$/);
  });

  it('report a tie at the last post of an election for a new round', () => {
    const r = electionResult({
      ...facts,
      cast: 30,
      rule: 'majority_of_all',
      posts: 2,
      candidates: [
        { name: 'A', votes: 20 },
        { name: 'B', votes: 16 },
        { name: 'C', votes: 16 },
      ],
      ballots: { valid: 29, blank: 0, spoiled: 1 },
    });
    expect(resultLine(r)).toContain(
      'Số phiếu bằng nhau ở vị trí cuối: bầu lại 1 người trong số B, C.',
    );
    expect(candidateLines(r).map((c) => c.text)).toEqual([
      'Được 20 (66,7 %) phiếu — TRÚNG CỬ',
      'Được 16 (53,3 %) phiếu — đạt quá nửa, không trúng cử',
      'Được 16 (53,3 %) phiếu — đạt quá nửa, không trúng cử',
    ]);
  });
});
