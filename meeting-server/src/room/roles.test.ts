// The role matrix of the in-meeting API, table-driven: every action by every role (chair, secretary,
// member, guest, voter, and a member of another meeting). Each cell first sets up what the action
// needs, then checks the answer: allowed → 200; forbidden → 403 and the state is exactly unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain';
import type { MeetingState, Motion } from '../../../shared/meeting';
import { openTestDb, type TestDb } from '../testing/databases';
import {
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  type LiveFixture,
  type MeetingApi,
} from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';
import { ROLE_MATRIX, type meetingRoutes } from '../../../shared/routes';

/** The in-meeting actions a role may or may not take (lowering one's hand has its own test). */
type Action = Exclude<keyof typeof meetingRoutes, 'state' | 'lowerHand' | 'livekitWebhook'>;

type Actor = Role | 'foreign';
const ACTORS: Actor[] = ['chair', 'secretary', 'member', 'guest', 'voter', 'foreign'];

let db: TestDb;
let server: RunningServer;
let fx: LiveFixture;
let chair: MeetingApi;

beforeAll(async () => {
  db = await openTestDb('pglite');
  server = await startTestServer(db, { sweepIntervalMs: 0 });
  fx = await seedLiveMeeting(db, { members: 4, checkedIn: 4 });
  chair = api('chair');
});
afterAll(async () => {
  await server.close();
  await db.destroy();
});

function api(actor: Actor): MeetingApi {
  const s =
    actor === 'foreign'
      ? sessionFor(fx.otherMeetingId, { role: 'member', memberId: fx.memberIds[2]! })
      : sessionFor(fx.meetingId, {
          role: actor,
          memberId:
            actor === 'chair' ? fx.memberIds[0]! : actor === 'member' ? fx.memberIds[1]! : null,
        });
  return meetingApi(server.url, fx.meetingId, s.token);
}

const state = async () => (await chair.get<MeetingState>('/state')).body;
async function closeOpenVotes() {
  for (const m of (await state()).motions.filter((x) => x.status === 'open')) {
    await chair.post(`/motions/${m.id}/close`);
  }
}
async function newMotion(status: 'draft' | 'open' | 'closed'): Promise<string> {
  await closeOpenVotes();
  const m = (await chair.post<Motion>('/motions', { agendaItemId: null, title: 'NQ thử' })).body;
  if (status !== 'draft') await chair.post(`/motions/${m.id}/open`);
  if (status === 'closed') await chair.post(`/motions/${m.id}/close`);
  return m.id;
}
async function floorGiven() {
  const voter = api('voter');
  const q = await voter.post<MeetingState>('/hand', { kind: 'speak' });
  await chair.post('/floor', { entryId: q.body.queue.at(-1)!.id });
}

interface Cell {
  method: 'get' | 'post' | 'del';
  /** Sets up what the action needs and returns its path and body. */
  prepare: () => Promise<{ path: string; body?: unknown }>;
}

const CELLS: Record<Action | 'state', Cell> = {
  state: { method: 'get', prepare: async () => ({ path: '/state' }) },
  raiseHand: { method: 'post', prepare: async () => ({ path: '/hand', body: { kind: 'speak' } }) },
  reorderQueue: {
    method: 'post',
    prepare: async () => ({ path: '/queue/reorder', body: { entryIds: [] } }),
  },
  giveFloor: {
    method: 'post',
    prepare: async () => {
      const q = await api('voter').post<MeetingState>('/hand', { kind: 'speak' });
      return { path: '/floor', body: { entryId: q.body.queue.at(-1)!.id } };
    },
  },
  extendFloor: {
    method: 'post',
    prepare: async () => (await floorGiven(), { path: '/floor/extend', body: { seconds: 30 } }),
  },
  endFloor: { method: 'del', prepare: async () => (await floorGiven(), { path: '/floor' }) },
  setFreeDiscussion: {
    method: 'post',
    prepare: async () => ({ path: '/microphones/free-discussion', body: { open: true } }),
  },
  muteMicrophones: {
    method: 'post',
    prepare: async () => ({ path: '/microphones/mute', body: {} }),
  },
  setStatus: {
    method: 'post',
    prepare: async () => ({ path: '/status', body: { status: 'open' } }),
  },
  setAgendaItem: {
    method: 'post',
    prepare: async () => ({
      path: '/agenda/current',
      body: { agendaItemId: (await state()).agenda[1]!.id },
    }),
  },
  createMotion: {
    method: 'post',
    prepare: async () => ({ path: '/motions', body: { agendaItemId: null, title: 'Mới' } }),
  },
  openMotion: {
    method: 'post',
    prepare: async () => ({ path: `/motions/${await newMotion('draft')}/open` }),
  },
  closeMotion: {
    method: 'post',
    prepare: async () => ({ path: `/motions/${await newMotion('open')}/close` }),
  },
  showMotion: {
    method: 'post',
    prepare: async () => ({ path: `/motions/${await newMotion('closed')}/show` }),
  },
  castBallot: {
    method: 'post',
    prepare: async () => ({
      path: `/motions/${await newMotion('open')}/ballots`,
      body: { choice: 'for', idempotencyKey: crypto.randomUUID() },
    }),
  },
  myBallot: {
    method: 'get',
    prepare: async () => ({ path: `/motions/${await newMotion('open')}/my-ballot` }),
  },
  checkIn: {
    method: 'post',
    prepare: async () => {
      const present = !(await state()).attendance.members.find(
        (m) => m.memberId === fx.memberIds[3],
      )!.present;
      return { path: '/attendance/check-in', body: { memberId: fx.memberIds[3], present } };
    },
  },
  rollCall: { method: 'post', prepare: async () => ({ path: '/roll-call' }) },
  confirmRollCall: {
    method: 'post',
    prepare: async () => {
      if (!(await state()).rollCall.open) await chair.post('/roll-call');
      return { path: '/roll-call/confirm' };
    },
  },
};

const rows = Object.keys(CELLS).flatMap((action) =>
  ACTORS.map((actor) => {
    const allowed =
      actor !== 'foreign' &&
      (action === 'state' || ROLE_MATRIX[action as Action].includes(actor as Role));
    return [action, actor, allowed] as const;
  }),
);

describe('role matrix of the in-meeting API', () => {
  it.each(rows)('%s by %s: allowed=%s', async (action, actor, allowed) => {
    const me = api(actor);
    const cell = CELLS[action as keyof typeof CELLS];
    const { path, body } = await cell.prepare();
    const before = await state();
    const res =
      cell.method === 'get'
        ? await me.get(path)
        : cell.method === 'del'
          ? await me.del(path)
          : await me.post(path, body);
    if (allowed) {
      expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect((res.body as { code: string }).code).toBe('forbidden');
      expect(await state()).toEqual(before);
    }
  });

  it.each(ACTORS)('lowering a hand by %s: only who raised it', async (actor) => {
    const me = api(actor);
    const mayRaise = actor !== 'foreign' && ROLE_MATRIX.raiseHand.includes(actor as Role);
    if (mayRaise) {
      await me.del('/hand'); // a hand left raised by the matrix above
      expect((await me.post('/hand', { kind: 'order' })).status).toBe(200);
    }
    const before = await state();
    const res = await me.del<MeetingState>('/hand');
    if (mayRaise) {
      expect(res.status).toBe(200);
      expect(res.body.queue.length).toBe(before.queue.length - 1);
    } else {
      expect(res.status).toBe(403);
      expect(await state()).toEqual(before);
    }
  });
});
