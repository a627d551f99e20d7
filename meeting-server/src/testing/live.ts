// Test fixtures for the live meeting: a council whose body has N members (bulk-inserted, so 1,000
// members take one statement), a meeting of that body, participant sessions minted directly with
// signParticipant (no join round-trip), and a small JSON client for the in-meeting API.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { RoomEvent, type Room } from '@livekit/rtc-node';
import type { MeetingKind, Role } from '../../../shared/domain';
import { StateMessage, STATE_TOPIC, type MeetingState } from '../../../shared/meeting';
import { actionForMessage, newestState } from '../../../shared/meeting-state';
import { signParticipant } from '../auth/participant';
import type { Queryable } from '../db/database';
import { createMeeting } from '../meetings/store';
import { TEST_SECRET } from './server';

export interface LiveFixture {
  councilId: string;
  bodyId: string;
  meetingId: string;
  roomName: string;
  /** Members of the body, in name order (Đại biểu 0001, 0002, …). */
  memberIds: string[];
  /** A second meeting of the same council (its sessions must not act on the first). */
  otherMeetingId: string;
}

export async function seedLiveMeeting(
  db: Queryable,
  opts: {
    members: number;
    kind?: MeetingKind;
    settings?: Record<string, unknown>;
    /** How many members (the first, in name order) are checked in in the hall; none by default. */
    checkedIn?: number;
  } = {
    members: 5,
  },
): Promise<LiveFixture> {
  const councilId = randomUUID();
  await db.query(
    "INSERT INTO councils (id, name, level, total_members) VALUES ($1, 'HĐND xã Thử nghiệm', 'commune', $2)",
    [councilId, opts.members],
  );
  const ids = Array.from({ length: opts.members }, () => randomUUID());
  const names = ids.map((_, i) => `Đại biểu ${String(i + 1).padStart(4, '0')}`);
  await db.query(
    `INSERT INTO members (id, council_id, full_name)
     SELECT u.id, $1, u.name FROM unnest($2::text[], $3::text[]) AS u(id, name)`,
    [councilId, ids, names],
  );
  const bodyId = randomUUID();
  await db.query(
    "INSERT INTO bodies (id, council_id, kind, name) VALUES ($1, $2, 'council', 'HĐND xã')",
    [bodyId, councilId],
  );
  await db.query('INSERT INTO body_members (body_id, member_id) SELECT $1, unnest($2::text[])', [
    bodyId,
    ids,
  ]);
  const common = { councilId, bodyId, startsAt: new Date(), settings: opts.settings ?? {} };
  const meetingId = await createMeeting(db, {
    ...common,
    kind: opts.kind ?? 'session',
    title: 'Kỳ họp thứ hai — phiên toàn thể',
    agenda: ['Khai mạc', 'Dự thảo nghị quyết về ngân sách', 'Bế mạc'],
  });
  const otherMeetingId = await createMeeting(db, {
    ...common,
    kind: 'committee',
    title: 'Cuộc họp Ban Kinh tế – Xã hội',
  });
  // A standing invitation per role of both meetings, for sessionFor(): every participant request
  // re-checks the invitation its session came from.
  await db.query(
    `INSERT INTO invitations (id, meeting_id, role, expires_at)
     SELECT 'fixture:' || m || ':' || r, m, r, now() + interval '7 days'
       FROM unnest($1::text[]) AS m, unnest($2::text[]) AS r`,
    [[meetingId, otherMeetingId], ROLES],
  );
  await checkInMembers(db, meetingId, ids.slice(0, opts.checkedIn ?? 0));
  return {
    councilId,
    bodyId,
    meetingId,
    roomName: `meeting-${meetingId}`,
    memberIds: ids,
    otherMeetingId,
  };
}

const ROLES: Role[] = ['chair', 'secretary', 'member', 'guest', 'voter'];

/** The standing invitation seedLiveMeeting makes for `role` in `meetingId`. */
export const fixtureInvitation = (meetingId: string, role: Role) => `fixture:${meetingId}:${role}`;
/** Marks members present in the hall, as a secretary's check-in would (one statement). */
export async function checkInMembers(db: Queryable, meetingId: string, memberIds: string[]) {
  if (!memberIds.length) return;
  await db.query(
    `INSERT INTO attendance (meeting_id, member_id, hall, hall_since)
     SELECT $1, unnest($2::text[]), true, now()
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET hall = true, hall_since = now()`,
    [meetingId, memberIds],
  );
}

export interface SessionOpts {
  role: Role;
  memberId?: string | null;
  name?: string;
  identity?: string;
  /**
   * Invitation the session came from (every request re-checks it); by default the standing
   * invitation seedLiveMeeting made for the role.
   */
  iid?: string;
}

/** A participant session for `meetingId`, as POST /api/join would have issued it. */
export function sessionFor(meetingId: string, o: SessionOpts) {
  const identity =
    o.identity ?? (o.memberId ? `member:${o.memberId}` : `${o.role}:${randomUUID()}`);
  return {
    identity,
    token: signParticipant(TEST_SECRET, {
      mid: meetingId,
      sub: identity,
      role: o.role,
      memberId: o.memberId ?? null,
      name: o.name ?? `${o.role} ${identity.slice(-4)}`,
      iid: o.iid ?? fixtureInvitation(meetingId, o.role),
      exp: Math.floor(Date.now() / 1000) + 3600,
    }),
  };
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/**
 * Keep-alive connections shared by every test client: at most 64 sockets, like a proxy in front
 * of the server; further requests wait in the agent's queue, so 1,000 requests are all in flight
 * at once without overflowing the listen backlog.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A JSON client for /api/meetings/:meetingId/… with one participant's session. */
export function meetingApi(baseUrl: string, meetingId: string, token: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const res = await request(
      `${baseUrl}/api/meetings/${meetingId}${path}`,
      method,
      {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );
    return { status: res.status, body: (res.text ? JSON.parse(res.text) : null) as T };
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    del: <T>(path: string) => call<T>('DELETE', path),
  };
}
export type MeetingApi = ReturnType<typeof meetingApi>;

/** Polls `probe` until it returns a value (not undefined/false) or `ms` pass; throws on timeout. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A state message as received, with the state the client then holds and when it arrived. */
export type Received = StateMessage & { at: number };

/**
 * Collects the `state` messages a LiveKit client receives, each with the state the client holds
 * after it (`state`), folded the way the meeting clients do: an embedded state, changes applied to
 * the version held, or (when the changes start from another version) a fetch through `fetchState`.
 */
export function collectState(room: Room, fetchState?: () => Promise<MeetingState>): Received[] {
  const received: Received[] = [];
  let held: MeetingState | null = null;
  room.on(RoomEvent.DataReceived, (payload, _p, _k, topic) => {
    if (topic !== STATE_TOPIC) return;
    const raw: unknown = JSON.parse(new TextDecoder().decode(payload));
    const entry: Received = { ...StateMessage.parse(raw), state: undefined, at: performance.now() };
    received.push(entry);
    const action = actionForMessage(held, raw);
    if (action.kind === 'apply') {
      held = action.state;
      entry.state = held;
    } else if (action.kind === 'fetch' && fetchState) {
      void fetchState().then((s) => {
        held = newestState(held, s);
        entry.state = s;
      });
    }
  });
  return received;
}
