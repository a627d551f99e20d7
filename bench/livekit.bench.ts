// What meeting participants feel through LiveKit: the vote result reaching 50 connected clients
// after the chair closes the vote, and a raised hand reaching the chair's client, each against a
// bare LiveKit data message between two clients (no server logic) measured in the same run.
import { performance } from 'node:perf_hooks';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import type { MeetingState } from '../shared/meeting';
import { actionForMessage, decodePayload, newestState } from '../shared/meeting-state';
import { api, openMotion, session } from './ballots.bench';
import { ms, quantile, rows } from './harness';
import { dropNativeLogEvents } from './rtc-logs';
import { benchLiveKit, startServer, type Seeded } from './stack';

const CLIENTS = 50;
const RAISES = 200;
/** Votes closed one after another; the p95 is over every client's arrival of every result. */
const VOTES = 10;

async function token(identity: string, room: string, canPublishData = false) {
  const lk = await benchLiveKit();
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: 600 });
  at.addGrant({ roomJoin: true, room, canSubscribe: true, canPublish: false, canPublishData });
  return at.toJwt();
}

async function connect(identity: string, room: string, canPublishData = false): Promise<Room> {
  const lk = await benchLiveKit();
  const r = new Room();
  const connecting = r.connect(lk.url, await token(identity, room, canPublishData), {
    autoSubscribe: false,
    dynacast: false,
  });
  dropNativeLogEvents();
  await connecting;
  return r;
}

/**
 * Calls `cb` with every state a client comes to hold, as the meeting clients do: an embedded state,
 * changes applied to the version held, or a fetch when the changes start from another version.
 */
function onState(r: Room, seeded: Seeded, sessionToken: string, cb: (s: MeetingState) => void) {
  let held: MeetingState | null = null;
  const hold = (s: MeetingState) => {
    held = newestState(held, s);
    cb(held);
  };
  r.on(RoomEvent.DataReceived, (payload: Uint8Array, _p, _k, topic) => {
    if (topic !== 'state') return;
    const action = actionForMessage(held, decodePayload(payload));
    if (action.kind === 'apply') hold(action.state);
    else if (action.kind === 'fetch')
      void api(seeded, sessionToken, 'GET', '/state').then((s) => hold(s as MeetingState));
  });
}

/** Baseline: one client sends a small data message, another receives it; latency per message. */
async function dataBaseline(room: string, n: number): Promise<number[]> {
  const a = await connect('bench:a', room, true);
  const b = await connect('bench:b', room);
  const lat: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const got = new Promise<void>((resolve) => {
        const h = (_payload: Uint8Array, _p: unknown, _k: unknown, topic?: string) => {
          if (topic === `t${i}`) {
            b.off(RoomEvent.DataReceived, h);
            resolve();
          }
        };
        b.on(RoomEvent.DataReceived, h);
      });
      const t0 = performance.now();
      await a.localParticipant!.publishData(new TextEncoder().encode('{"version":1}'), {
        reliable: true,
        topic: `t${i}`,
      });
      await got;
      lat.push(performance.now() - t0);
    }
  } finally {
    await a.disconnect();
    await b.disconnect();
  }
  return lat.sort((x, y) => x - y);
}

export async function benchLiveKitPaths() {
  const { seeded, stop } = await startServer({ db: 'pglite', members: CLIENTS });
  const baseline = await dataBaseline(`${seeded.room}-baseline`, RAISES);
  const bp50 = quantile(baseline, 0.5);
  const bp95 = quantile(baseline, 0.95);
  const clients: Room[] = [];
  try {
    const chair = session(seeded, seeded.memberIds[0]!, 'chair');
    // --- vote result to 50 clients, over VOTES votes ---
    const arrivals: number[] = [];
    const closeMs: number[] = [];
    let reached = new Set<Room>();
    let closeAt = 0;
    let motionId = '';
    for (let i = 0; i < CLIENTS; i++) {
      const r = await connect(`member:${seeded.memberIds[i]}`, seeded.room);
      onState(r, seeded, chair, (s) => {
        const m = s.motions.find((x) => x.id === motionId);
        if (closeAt && m?.status === 'closed' && !reached.has(r)) {
          reached.add(r);
          arrivals.push(performance.now() - closeAt);
        }
      });
      clients.push(r);
    }
    let missed = 0;
    for (let v = 0; v < VOTES; v++) {
      closeAt = 0;
      reached = new Set();
      motionId = await openMotion(seeded, chair);
      for (let i = 0; i < 10; i++) {
        await api(
          seeded,
          session(seeded, seeded.memberIds[i]!),
          'POST',
          `/motions/${motionId}/ballots`,
          { choice: 'for', idempotencyKey: `lk-${i}-${motionId}` },
        );
      }
      // Let the coalesced count announcement go out first.
      await new Promise((r) => setTimeout(r, 500));
      closeAt = performance.now();
      await api(seeded, chair, 'POST', `/motions/${motionId}/close`);
      closeMs.push(performance.now() - closeAt);
      const deadline = Date.now() + 10_000;
      while (reached.size < CLIENTS && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      missed += CLIENTS - reached.size;
    }
    arrivals.sort((a, b) => a - b);
    closeMs.sort((a, b) => a - b);
    const p95 = missed === 0 ? quantile(arrivals, 0.95) : Infinity;
    rows.push({
      name: `vote result → ${CLIENTS} LiveKit clients (${VOTES} votes)`,
      figure: `first ${ms(arrivals[0]!)}, p50 ${ms(quantile(arrivals, 0.5))}, p95 ${ms(p95)} (${arrivals.length}/${CLIENTS * VOTES} received); the close request itself p50 ${ms(quantile(closeMs, 0.5))}`,
      baseline: `data message p95 ${ms(bp95)}`,
      ratio: `${(p95 / bp95).toFixed(1)}×`,
      target: 'p95 ≤ 1 s, ratio ≤ 3',
      met: p95 <= 1000 && p95 / bp95 <= 3,
    });

    // --- hand raise → chair's client sees it in the queue ---
    const chairRoom = clients[0]!;
    const raiseLat: number[] = [];
    let waiting: { identity: string; t0: number; done: () => void } | undefined;
    onState(chairRoom, seeded, chair, (s) => {
      if (waiting && s.queue.some((q) => q.identity === waiting!.identity)) {
        raiseLat.push(performance.now() - waiting.t0);
        const w = waiting;
        waiting = undefined;
        w.done();
      }
    });
    for (let i = 0; i < RAISES; i++) {
      const memberId = seeded.memberIds[1 + (i % (CLIENTS - 1))]!;
      const tok = session(seeded, memberId);
      const seen = new Promise<void>((resolve) => {
        waiting = { identity: `member:${memberId}`, t0: performance.now(), done: resolve };
      });
      await api(seeded, tok, 'POST', '/hand', { kind: 'speak' });
      await Promise.race([seen, new Promise((r) => setTimeout(r, 5000))]);
      await api(seeded, tok, 'DELETE', '/hand');
    }
    raiseLat.sort((a, b) => a - b);
    const hp95 = raiseLat.length === RAISES ? quantile(raiseLat, 0.95) : Infinity;
    rows.push({
      name: `hand raise → chair's queue (${RAISES} raises)`,
      figure: `p50 ${ms(quantile(raiseLat, 0.5))}, p95 ${ms(hp95)} (${raiseLat.length}/${RAISES} seen)`,
      baseline: `data message p50 ${ms(bp50)}, p95 ${ms(bp95)}`,
      ratio: `${(hp95 / bp95).toFixed(1)}×`,
      target: 'p95 ≤ 300 ms',
      met: hp95 <= 300,
    });
  } finally {
    await Promise.all(clients.map((c) => c.disconnect()));
    await stop();
    await dispose();
  }
}
