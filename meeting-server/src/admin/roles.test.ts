// The role matrix of the staff, admin, petition, minutes and QR endpoints: every endpoint called
// by every kind of caller (anonymous, staff administrator, staff member, staff without the CSRF
// header, and each participant role) is allowed or refused with 401/403 exactly as documented,
// and a refused call changes nothing in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../shared/admin';
import { ROUTES, type NamedRoute as RouteDoc } from '../../../shared/routes';
import { ADMIN, CLERK, seedStaff, signIn, type StaffClient } from '../staff/testing';
import { openTestDb, type TestDb } from '../testing/databases';
import { startTestServer, type RunningServer } from '../testing/server';
import { bearer, buildFixture, ok, type Fixture } from './testing';
import { PetitionReceipt } from '../../../shared/petitions';

const CALLERS = [
  'anonymous',
  'admin',
  'staff',
  'staffWithoutCsrf',
  'chair',
  'secretary',
  'member',
  'voter',
  'voterMeetingChair',
] as const;
type Caller = (typeof CALLERS)[number];
const STAFF_CALLERS: Caller[] = ['admin', 'staff', 'staffWithoutCsrf'];

/** Participant roles allowed per participant route (chair/secretary/member hold the sitting). */
const PARTICIPANTS: Record<string, Caller[]> = {
  'POST /api/meetings/:meetingId/petitions': ['voter'],
  'GET /api/meetings/:meetingId/petitions': ['voterMeetingChair'],
  'GET /api/meetings/:meetingId/minutes.json': ['chair', 'secretary'],
  'GET /api/meetings/:meetingId/minutes.csv': ['chair', 'secretary'],
  'GET /api/meetings/:meetingId/minutes.pdf': ['chair', 'secretary'],
  'GET /api/meetings/:meetingId/minutes.docx': ['chair', 'secretary'],
};

const mine = (r: RouteDoc) =>
  !r.path.includes('/packages') &&
  (r.path.startsWith('/api/staff/') ||
    r.path.startsWith('/api/admin/') ||
    r.path.startsWith('/api/public/') ||
    /\/(petitions|minutes\.\w+|qr\.\w+)$/.test(r.path));

const key = (r: RouteDoc) => `${r.method} ${r.path}`;

/** 'ok' (anything but 401/403), or the refusal status. */
function expected(r: RouteDoc, caller: Caller): 'ok' | 401 | 403 {
  const write = r.method !== 'GET';
  const staffAnswer = (): 'ok' | 401 | 403 => {
    if (caller === 'staffWithoutCsrf' && write) return 403;
    if (r.auth === 'admin' && caller !== 'admin') return 403;
    return 'ok';
  };
  switch (r.auth) {
    case 'public':
      return 'ok';
    case 'staff':
    case 'admin':
      return STAFF_CALLERS.includes(caller) ? staffAnswer() : 401;
    case 'participant':
    case 'participant or staff':
      if (STAFF_CALLERS.includes(caller)) return r.auth === 'participant' ? 401 : staffAnswer();
      if (caller === 'anonymous') return 401;
      return PARTICIPANTS[key(r)]!.includes(caller) ? 'ok' : 403;
    default:
      throw new Error(`unexpected auth ${r.auth} for ${key(r)}`);
  }
}

const TABLES = [
  'councils',
  'members',
  'bodies',
  'body_members',
  'meetings',
  'agenda_items',
  'invitations',
  'staff_users',
  'staff_sessions',
  'petitions',
  'petition_events',
];

describe('role matrix of the staff, admin, petition and minutes endpoints', () => {
  let db: TestDb;
  let server: RunningServer;
  let admin: StaffClient;
  let staff: StaffClient;
  let fx: Fixture;
  let petitionId: string;

  beforeAll(async () => {
    // PostgreSQL: the matrix is about authorisation, and it opens faster than PGlite.
    db = await openTestDb('postgres');
    await seedStaff(db);
    server = await startTestServer(db);
    admin = await signIn(server.url, ADMIN);
    staff = await signIn(server.url, CLERK);
    fx = await buildFixture(server.url, staff);
    petitionId = (
      await ok(
        await bearer(server.url, fx.sessions.voter)(
          'POST',
          `/api/meetings/${fx.voterMeeting.id}/petitions`,
          { name: 'Cử tri', text: 'Một kiến nghị đủ dài để gửi.' },
        ),
        PetitionReceipt,
        201,
      )
    ).id;
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  const snapshot = async () => {
    const out: Record<string, unknown> = {};
    for (const t of TABLES) {
      out[t] = (
        await db.query(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${t} t`,
        )
      )[0];
    }
    return out;
  };

  function pathFor(r: RouteDoc): string {
    const participantMeeting =
      /petitions$|qr\.\w+$/.test(r.path) && !r.path.startsWith('/api/admin')
        ? fx.voterMeeting.id
        : fx.sitting.id;
    return r.path
      .replace(':meetingId', participantMeeting)
      .replace(':councilId', fx.council.id)
      .replace(':memberId', fx.members[2]!.id)
      .replace(':bodyId', fx.committee.id)
      .replace(':invitationId', fx.invitations.secretary.id)
      .replace(':petitionId', petitionId)
      .replace(':userId', staff.session.user.id);
  }

  const BODIES: Record<string, unknown> = {
    'POST /api/staff/login': CLERK,
    'POST /api/staff/users': {
      email: 'moi@hdnd.example.vn',
      fullName: 'Người Mới',
      password: 'mật-khẩu-đủ-dài',
    },
    'POST /api/admin/councils': { name: 'HĐND xã Mới', level: 'commune', totalMembers: 15 },
    'PATCH /api/admin/councils/:councilId': { totalMembers: 3 },
    'POST /api/admin/councils/:councilId/members': { fullName: 'Vũ Văn Mới' },
    'PATCH /api/admin/members/:memberId': { delegateGroup: 'Tổ 3' },
    'POST /api/admin/councils/:councilId/bodies': { kind: 'committee', name: 'Ban Pháp chế' },
    'PUT /api/admin/bodies/:bodyId/members': { memberIds: [] },
    'PATCH /api/admin/meetings/:meetingId': { title: 'Kỳ họp thứ hai (sửa)' },
    'PUT /api/admin/meetings/:meetingId/agenda': { items: [{ title: 'Khai mạc' }] },
    'POST /api/admin/meetings/:meetingId/invitations': { role: 'guest', displayName: 'Khách' },
    'POST /api/admin/meetings/:meetingId/invitations/body': {},
    'POST /api/admin/petitions/:petitionId/classify': { category: 'other' },
    'POST /api/admin/petitions/:petitionId/forward': { authority: 'UBND xã' },
    'POST /api/admin/petitions/:petitionId/answer': { answer: 'Đã trả lời.' },
    'POST /api/admin/petitions/:petitionId/publish': { published: true },
    'POST /api/meetings/:meetingId/petitions': {
      name: 'Cử tri',
      text: 'Một kiến nghị đủ dài để gửi.',
    },
  };

  function call(r: RouteDoc, caller: Caller): Promise<Response> {
    const body = BODIES[key(r)] ?? (r.method === 'GET' ? undefined : {});
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const client = caller === 'admin' ? admin : staff;
    if (STAFF_CALLERS.includes(caller)) {
      headers.cookie = client.cookie;
      if (caller !== 'staffWithoutCsrf') headers[CSRF_HEADER] = client.session.csrfToken;
    }
    const sessions: Partial<Record<Caller, string>> = {
      chair: fx.sessions.chair,
      secretary: fx.sessions.secretary,
      member: fx.sessions.member,
      voter: fx.sessions.voter,
      voterMeetingChair: fx.sessions.voterChair,
    };
    const token = sessions[caller];
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(`${server.url}${pathFor(r)}`, {
      method: r.method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  it('allows or refuses every endpoint for every caller as documented, and refusals change nothing', async () => {
    const routes = ROUTES.filter(mine);
    expect(routes.length).toBeGreaterThan(35);
    const failures: string[] = [];
    for (const r of routes) {
      const refused = CALLERS.filter((c) => expected(r, c) !== 'ok');
      const before = await snapshot();
      for (const caller of refused) {
        const res = await call(r, caller);
        const body = (await res.json().catch(() => ({}))) as { message?: { vi?: string } };
        if (res.status !== expected(r, caller) || !body.message?.vi) {
          failures.push(`${key(r)} as ${caller}: ${res.status}, expected ${expected(r, caller)}`);
        }
      }
      if (JSON.stringify(await snapshot()) !== JSON.stringify(before)) {
        failures.push(`${key(r)}: a refused call changed the database`);
      }
      // Logging out would end the session the other calls use.
      if (r.path === '/api/staff/logout') continue;
      for (const caller of CALLERS.filter((c) => expected(r, c) === 'ok')) {
        const res = await call(r, caller);
        await res.arrayBuffer();
        if (res.status === 401 || res.status === 403 || res.status >= 500) {
          failures.push(`${key(r)} as ${caller}: ${res.status}, expected to be allowed`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route × every caller: about 100 routes on a busy 2-core machine.
  }, 120_000);
});
