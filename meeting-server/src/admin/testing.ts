// Test fixture: a commune council built through the admin API as the secretariat would, with a
// session sitting and a voter meeting, their invitations, and joined participants of every role;
// `useStaffFixture` sets it up on a test database and server for a whole describe block.
import { afterAll, beforeAll, expect } from 'vitest';
import { Body, Council, Invitation, Meeting, Member } from '../../../shared/admin';
import { JoinResponse } from '../../../shared/api';
import type { Role } from '../../../shared/domain';
import { CLERK, seedStaff, signIn, type StaffClient } from '../staff/testing';
import { openTestDb, type DatabaseKind, type TestDb } from '../testing/databases';
import { startTestServer, type RunningServer } from '../testing/server';

export interface Fixture {
  council: Council;
  members: Member[];
  councilBody: Body;
  committee: Body;
  sitting: Meeting;
  voterMeeting: Meeting;
  invitations: Record<'chair' | 'secretary' | 'member' | 'voter' | 'voterChair', Invitation>;
  /** Bearer session tokens of joined participants. */
  sessions: Record<'chair' | 'secretary' | 'member' | 'voter' | 'voterChair', string>;
}

/** What `useStaffFixture` provides; its fields are set once the describe block's beforeAll ran. */
export interface StaffFixture {
  db: TestDb;
  server: RunningServer;
  /** The secretariat (a non-admin staff account), signed in. */
  staff: StaffClient;
  fx: Fixture;
}

/**
 * Registers a beforeAll that opens a fresh database of `kind`, seeds the staff accounts, starts a
 * test server, signs the clerk in and builds the fixture through the admin API, and an afterAll
 * that closes the server and drops the database. Call it inside a describe block.
 */
export function useStaffFixture(kind: DatabaseKind): StaffFixture {
  const t = {} as StaffFixture;
  // Opening PGlite and seeding can take long on a busy 2-core machine.
  beforeAll(async () => {
    t.db = await openTestDb(kind);
    await seedStaff(t.db);
    t.server = await startTestServer(t.db);
    t.staff = await signIn(t.server.url, CLERK);
    t.fx = await buildFixture(t.server.url, t.staff);
  }, 120_000);
  afterAll(async () => {
    await t.server.close();
    await t.db.destroy();
  });
  return t;
}

export async function ok<T>(res: Response, schema: { parse(v: unknown): T }, status = 200) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return schema.parse(JSON.parse(text));
}

export const tokenOf = (inv: Invitation) => inv.url.split('/j/')[1]!;

export async function joinAs(baseUrl: string, inv: Invitation, name?: string) {
  const res = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invitation: tokenOf(inv), ...(name ? { name } : {}) }),
  });
  return ok(res, JoinResponse);
}

export async function buildFixture(baseUrl: string, staff: StaffClient): Promise<Fixture> {
  const council = await ok(
    await staff.request('POST', '/api/admin/councils', {
      name: 'HĐND xã Yên Thịnh',
      level: 'commune',
      totalMembers: 3,
    }),
    Council,
    201,
  );
  const c = `/api/admin/councils/${council.id}`;
  const members: Member[] = [];
  for (const [fullName, delegateGroup] of [
    ['Nguyễn Văn An', 'Tổ 1'],
    ['Trần Thị Bình', 'Tổ 1'],
    ['Lê Văn Cường', 'Tổ 2'],
  ] as const) {
    members.push(
      await ok(
        await staff.request('POST', `${c}/members`, { fullName, delegateGroup }),
        Member,
        201,
      ),
    );
  }
  const councilBody = await ok(
    await staff.request('POST', `${c}/bodies`, {
      kind: 'council',
      name: 'HĐND xã Yên Thịnh',
      memberIds: members.map((m) => m.id),
    }),
    Body,
    201,
  );
  const committee = await ok(
    await staff.request('POST', `${c}/bodies`, {
      kind: 'committee',
      name: 'Ban Kinh tế – Xã hội',
      memberIds: [members[1]!.id],
    }),
    Body,
    201,
  );
  const meeting = (kind: 'session' | 'voter', title: string) =>
    staff.request('POST', `${c}/meetings`, {
      bodyId: councilBody.id,
      kind,
      title,
      startsAt: '2026-12-01T01:30:00Z',
      agenda: [{ title: 'Khai mạc' }, { title: 'Thảo luận' }],
    });
  const sitting = await ok(await meeting('session', 'Kỳ họp thứ hai'), Meeting, 201);
  const voterMeeting = await ok(await meeting('voter', 'Tiếp xúc cử tri thôn Đông'), Meeting, 201);
  const issue = async (
    meetingId: string,
    body: { role: Role; memberId?: string; displayName?: string },
  ) =>
    ok(
      await staff.request('POST', `/api/admin/meetings/${meetingId}/invitations`, body),
      Invitation,
      201,
    );
  const invitations = {
    chair: await issue(sitting.id, { role: 'chair', memberId: members[0]!.id }),
    secretary: await issue(sitting.id, { role: 'secretary', displayName: 'Phạm Thư Ký' }),
    member: await issue(sitting.id, { role: 'member', memberId: members[1]!.id }),
    voter: await issue(voterMeeting.id, { role: 'voter' }),
    voterChair: await issue(voterMeeting.id, { role: 'chair', memberId: members[0]!.id }),
  };
  const sessions = {
    chair: (await joinAs(baseUrl, invitations.chair)).sessionToken,
    secretary: (await joinAs(baseUrl, invitations.secretary)).sessionToken,
    member: (await joinAs(baseUrl, invitations.member)).sessionToken,
    voter: (await joinAs(baseUrl, invitations.voter, 'Hoàng Văn Dân')).sessionToken,
    voterChair: (await joinAs(baseUrl, invitations.voterChair)).sessionToken,
  };
  return { council, members, councilBody, committee, sitting, voterMeeting, invitations, sessions };
}

export function bearer(baseUrl: string, token: string | undefined) {
  return (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
}
