// The participation record on PGlite and PostgreSQL, through the HTTP API: a seeded history (two
// sittings held, attendance, an approved leave, the floor log, a named and a secret vote, a voter
// meeting with petitions) gives exactly the expected figures per delegate; the staff table, its
// .xlsx export and the delegate's own record agree; a delegate reads only their own record; a
// secret vote never shows a choice.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../../../shared/admin';
import {
  ParticipationRecord,
  ParticipationTable,
  type ParticipationSummary,
} from '../../../shared/participation';
import { bearer, ok, useStaffFixture } from '../admin/testing';
import { readXlsx } from '../admin/member-import/xlsx';
import { DATABASE_KINDS } from '../testing/databases';

const T0 = Date.parse('2026-12-01T01:30:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describe.each(DATABASE_KINDS)('participation record on %s', (kind) => {
  const t = useStaffFixture(kind);
  let ids: { an: string; binh: string; cuong: string };
  let committeeSitting: Meeting;

  beforeAll(async () => {
    const [an, binh, cuong] = t.fx.members.map((m) => m.id) as [string, string, string];
    ids = { an, binh, cuong };
    const sitting = t.fx.sitting.id;
    const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);
    // A committee meeting of the committee (Bình only), held on 3 December; and one not yet held.
    const create = (title: string, startsAt: string) =>
      t.staff.request('POST', `/api/admin/councils/${t.fx.council.id}/meetings`, {
        bodyId: t.fx.committee.id,
        kind: 'committee',
        title,
        startsAt,
        agenda: [{ title: 'Thẩm tra' }],
      });
    committeeSitting = await ok(await create('Họp Ban', '2026-12-03T01:30:00Z'), Meeting, 201);
    await ok(await create('Họp Ban lần sau', '2026-12-20T01:30:00Z'), Meeting, 201);

    // The voter meeting is opened through the API: its opening time is stamped.
    await ok(
      await t.staff.request('PATCH', `/api/admin/meetings/${t.fx.voterMeeting.id}`, {
        status: 'open',
      }),
      Meeting,
    );
    // The history of the sitting, as the live meeting writes it.
    await q(`UPDATE meetings SET status = 'closed', opened_at = $2, closed_at = $3 WHERE id = $1`, [
      sitting,
      at(5),
      at(120),
    ]);
    await q(`UPDATE meetings SET status = 'closed' WHERE id = $1`, [committeeSitting.id]);
    const event = (member: string, ev: string, minutes: number, meeting = sitting) =>
      q(
        `INSERT INTO attendance_events (id, meeting_id, member_id, event, at)
         VALUES (gen_random_uuid()::text, $1, $2, $3, $4)`,
        [meeting, member, ev, at(minutes)],
      );
    await event(an, 'checked_in', 0);
    await event(binh, 'joined', 30); // late
    await event(binh, 'left', 60); // and gone for good: left early
    await event(binh, 'joined', -600, t.fx.voterMeeting.id);
    await q(
      `INSERT INTO leave_requests (id, meeting_id, member_id, reason, status, requested_at)
       VALUES ('l1', $1, $2, 'Đi công tác', 'approved', $3)`,
      [sitting, cuong, at(-1000)],
    );
    await q(
      `INSERT INTO floor_log (meeting_id, identity, name, role, kind, started_at, ended_at)
       VALUES ($1, $2, 'Nguyễn Văn An', 'chair', 'speak', $4, $5),
              ($1, $3, 'Trần Thị Bình', 'member', 'question', $5, $6)`,
      [sitting, `member:${an}`, `member:${binh}`, at(10), at(13), at(15)],
    );
    // A named vote on a resolution and a secret election, both closed.
    await q(
      `INSERT INTO motions (id, meeting_id, title, text, kind, secret, rule, allow_change,
                            present_only, status, created_at, posts)
       VALUES ('m1', $1, 'Nghị quyết về dự toán ngân sách', '', 'standard', false,
               'majority_of_all', false, true, 'closed', $2, NULL),
              ('m2', $1, 'Bầu Trưởng Ban Pháp chế', '', 'election', true,
               'majority_of_all', false, true, 'closed', $3, 1)`,
      [sitting, at(40), at(50)],
    );
    await q(
      `INSERT INTO motion_eligible (motion_id, member_id)
       VALUES ('m1', $1), ('m1', $2), ('m1', $3), ('m2', $1), ('m2', $2)`,
      [an, binh, cuong],
    );
    await q(
      `INSERT INTO open_ballots (motion_id, member_id, choice, idempotency_key, cast_at)
       VALUES ('m1', $1, 'for', 'k1', $3), ('m1', $2, 'against', 'k2', $3)`,
      [an, binh, at(41)],
    );
    await q(
      `INSERT INTO motion_voters (motion_id, member_id, idempotency_key) VALUES ('m2', $1, 'k3')`,
      [an],
    );
    await q(
      `INSERT INTO petitions (id, meeting_id, submitter_identity, name, text, status, ref)
       VALUES ('p1', $1, 'voter:1', 'Hoàng Văn Dân', 'Sửa đường liên thôn', 'received', 'KN-AAAA-0001'),
              ('p2', $1, 'voter:2', 'Đỗ Thị Em', 'Đèn chiếu sáng', 'answered', 'KN-AAAA-0002')`,
      [t.fx.voterMeeting.id],
    );
  }, 120_000);

  const zero = {
    sittings: { called: 0, hall: 0, online: 0, late: 0, leftEarly: 0, excused: 0, absent: 0 },
    speeches: { speak: 0, question: 0, order: 0, seconds: 0 },
    votes: { eligible: 0, tookPart: 0, secret: 0, for: 0, against: 0, abstain: 0 },
    voterMeetings: 0,
    petitions: { received: 0, forwarded: 0, answered: 0 },
  };
  const expected = (): ParticipationSummary[] => [
    {
      ...zero,
      memberId: ids.cuong,
      name: 'Lê Văn Cường',
      delegateGroup: 'Tổ 2',
      committees: [],
      sittings: { ...zero.sittings, called: 1, excused: 1 },
      votes: { ...zero.votes, eligible: 1 },
    },
    {
      ...zero,
      memberId: ids.an,
      name: 'Nguyễn Văn An',
      delegateGroup: 'Tổ 1',
      committees: [],
      sittings: { ...zero.sittings, called: 1, hall: 1 },
      speeches: { ...zero.speeches, speak: 1, seconds: 180 },
      votes: { ...zero.votes, eligible: 2, tookPart: 2, secret: 1, for: 1 },
    },
    {
      memberId: ids.binh,
      name: 'Trần Thị Bình',
      delegateGroup: 'Tổ 1',
      committees: ['Ban Kinh tế – Xã hội'],
      sittings: { ...zero.sittings, called: 2, online: 1, late: 1, leftEarly: 1, absent: 1 },
      speeches: { ...zero.speeches, question: 1, seconds: 120 },
      votes: { ...zero.votes, eligible: 2, tookPart: 1, against: 1 },
      voterMeetings: 1,
      petitions: { received: 1, forwarded: 0, answered: 1 },
    },
  ];

  it('the staff table gives exactly the figures of the seeded history', async () => {
    const c = `/api/admin/councils/${t.fx.council.id}/participation`;
    const table = await ok(await t.staff.request('GET', c), ParticipationTable);
    expect(table.rows).toEqual(expected());
    // The opening stamped by the status change.
    const [voter] = await t.db.query<{ opened_at: Date | null }>(
      'SELECT opened_at FROM meetings WHERE id = $1',
      [t.fx.voterMeeting.id],
    );
    expect(voter!.opened_at).not.toBeNull();

    // A period: from 2 December on only the committee meeting counts.
    const later = await ok(
      await t.staff.request('GET', `${c}?from=2026-12-02`),
      ParticipationTable,
    );
    expect(later.rows.find((r) => r.name === 'Trần Thị Bình')!.sittings).toMatchObject({
      called: 1,
      absent: 1,
    });
    expect(later.rows.find((r) => r.name === 'Nguyễn Văn An')!.sittings.called).toBe(0);
    expect((await t.staff.request('GET', `${c}?from=2026-12-09&to=2026-12-01`)).status).toBe(400);
  });

  it('the .docx report gives the period, the totals and each delegate', async () => {
    const res = await t.staff.request(
      'GET',
      `/api/admin/councils/${t.fx.council.id}/participation.docx?to=2026-12-31`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('BÁO CÁO KẾT QUẢ THEO DÕI VIỆC THAM GIA CỦA ĐẠI BIỂU');
    expect(text).toContain('Từ đầu nhiệm kỳ đến ngày 31/12/2026');
    expect(text).toContain(
      'Lượt đại biểu được triệu tập dự họp: 4; có mặt (tại hội trường hoặc trực tuyến): 2; vắng có lý do: 1; vắng: 1.',
    );
    expect(text).toContain('3. Trần Thị Bình (Tổ 1) — Ban Kinh tế – Xã hội');
    expect(text).toContain('Biểu quyết: đã tham gia 2/2 lần (bỏ phiếu kín 1); tán thành 1');
  });

  it('the .xlsx export lists every delegate with the same figures', async () => {
    const res = await t.staff.request(
      'GET',
      `/api/admin/councils/${t.fx.council.id}/participation.xlsx`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('tham-gia-dai-bieu.xlsx');
    const grid = readXlsx(new Uint8Array(await res.arrayBuffer()));
    const [header, ...rows] = grid.rows.map((r) => r.cells);
    expect(header!.slice(0, 10)).toEqual([
      'Họ và tên',
      'Tổ đại biểu',
      'Ban',
      'Số phiên họp',
      'Tại hội trường',
      'Trực tuyến',
      'Đến muộn',
      'Về sớm',
      'Vắng có lý do',
      'Vắng',
    ]);
    const cuong = rows.find((r) => r[0] === 'Lê Văn Cường')!;
    expect(cuong.slice(3, 10)).toEqual([1, 0, 0, 0, 0, 1, 0]);
    const binh = rows.find((r) => r[0] === 'Trần Thị Bình')!;
    expect(binh.slice(0, 10)).toEqual([
      'Trần Thị Bình',
      'Tổ 1',
      'Ban Kinh tế – Xã hội',
      2,
      0,
      1,
      1,
      1,
      0,
      1,
    ]);
  });

  it('a delegate reads only their own record; a secret vote shows no choice', async () => {
    const m = `/api/meetings/${t.fx.sitting.id}/participation`;
    const binh = bearer(t.server.url, t.fx.sessions.member);
    // Asking for another member's record is not possible: the member comes from the session.
    const mine = await ok(await binh('GET', `${m}?memberId=${ids.an}`), ParticipationRecord);
    expect(mine.summary).toEqual(expected()[2]);
    expect(mine.sittings.map((s) => [s.title, s.attendance, s.late, s.leftEarly])).toEqual([
      ['Kỳ họp thứ hai', 'online', true, true],
      ['Họp Ban', 'absent', false, false],
    ]);
    expect(mine.voterMeetings.map((v) => v.title)).toEqual(['Tiếp xúc cử tri thôn Đông']);

    const an = await ok(
      await bearer(t.server.url, t.fx.sessions.chair)('GET', m),
      ParticipationRecord,
    );
    expect(an.sittings[0]!.votes).toEqual([
      { title: 'Nghị quyết về dự toán ngân sách', secret: false, tookPart: true, choice: 'for' },
      { title: 'Bầu Trưởng Ban Pháp chế', secret: true, tookPart: true, choice: null },
    ]);
    // The secretary and a voter have no record; nobody without a session gets anything.
    expect((await bearer(t.server.url, t.fx.sessions.secretary)('GET', m)).status).toBe(403);
    expect((await bearer(t.server.url, t.fx.sessions.voter)('GET', m)).status).toBe(403);
    expect((await bearer(t.server.url, undefined)('GET', m)).status).toBe(401);

    // The secretariat reads any delegate's record, the same figures.
    const staffView = await ok(
      await t.staff.request('GET', `/api/admin/members/${ids.an}/participation`),
      ParticipationRecord,
    );
    expect(staffView.summary).toEqual(expected()[1]);
    expect(JSON.stringify(staffView)).not.toMatch(/"secret":true,"tookPart":true,"choice":"/);
  });
});
