// Minutes of a real meeting, on PGlite and PostgreSQL: attendance checked in through the
// in-meeting API, an open vote cast and closed, a voter's petition; the JSON, the CSV and the PDF
// (its text read back with pdf.js) carry the council's name, the date, names with Vietnamese
// diacritics, the named ballots and the result. Only the chair, the secretary and staff get them.
import { randomUUID } from 'node:crypto';
import { pdfText } from '../pdf/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { Minutes } from '../../../shared/admin';
import { MeetingState, Motion } from '../../../shared/meeting';
import { bearer, ok, useStaffFixture } from '../admin/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { csvCell } from './csv';
import { candidateLines, resultLine } from './format';
import { dismissalResult, electionResult } from '../../../shared/vote-rules';

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
    for (const s of [
      'HĐND XÃ YÊN THỊNH',
      'BIÊN BẢN',
      'Kỳ họp thứ hai',
      'ngày 01 tháng 12 năm 2026',
      'Nguyễn Văn An',
      'Trần Thị Bình: Không tán thành',
      'Nguyễn Văn An: Tán thành',
      'Lê Văn Cường: Không bỏ phiếu',
      'Thông qua Nghị quyết về dự toán ngân sách xã năm 2027',
      'KHÔNG THÔNG QUA',
      'Tổng số đại biểu 3; có mặt khi kết thúc 2; đủ số lượng (cần 2).',
      'Chủ tịch UBND xã: Tín nhiệm cao 0 (0%), tín nhiệm 0 (0%), tín nhiệm thấp 2 (66.7%)',
      'đưa ra bỏ phiếu tín nhiệm',
      'Bầu Phó Chủ tịch HĐND xã',
      'Số phiếu thu vào 2; hợp lệ 1 (phiếu trắng 0); không hợp lệ 1.',
      'Phạm Văn Dũng: Được 1 (33.3%) phiếu — không trúng cử',
      'Hoàng Thị Em: Được 0 (0%) phiếu — không trúng cử',
      'Có mặt tại hội trường',
      '1. Trần Thị Bình (Đại biểu):',
    ]) {
      expect(text, s).toContain(s);
    }
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
      'Kết quả theo người được lấy phiếu,2,Phó Chủ tịch HĐND xã,"Tín nhiệm cao 2 (66.7%), tín nhiệm 0 (0%), tín nhiệm thấp 0 (0%)",',
    );
    // The election: ballots (one spoiled: it kept both for one post) and per-candidate figures.
    const election = lines.find((l) => l.startsWith('Biểu quyết,3,'))!;
    expect(election).toContain('hợp lệ 1 (phiếu trắng 0); không hợp lệ 1');
    expect(lines).toContain(
      'Kết quả theo người ứng cử,3,Phạm Văn Dũng,Được 1 (33.3%) phiếu — không trúng cử,',
    );
    expect(lines).toContain(
      'Kết quả theo người ứng cử,3,Hoàng Thị Em,Được 0 (0%) phiếu — không trúng cử,',
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
    expect(text).toContain('Kiến nghị cử tri');
    expect(text).toContain('Đặng Thị Hoa, Thôn Đông');
    expect(text).toContain('Đề nghị lắp thêm đèn chiếu sáng ở đường làng.');
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
    expect(line).toMatch(/^Bãi nhiệm đại biểu: Đỗ Văn Miễn\. Tán thành 19 \(63\.3%\)/);
    expect(line).toContain('Cần 20 phiếu tán thành');
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
      'Được 20 (66.7%) phiếu — TRÚNG CỬ',
      'Được 16 (53.3%) phiếu — đạt quá nửa, không trúng cử',
      'Được 16 (53.3%) phiếu — đạt quá nửa, không trúng cử',
    ]);
  });
});
